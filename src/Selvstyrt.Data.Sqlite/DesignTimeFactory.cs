using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Selvstyrt.Data.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SelvstyrtDb>
{
    public SelvstyrtDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SelvstyrtDb>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, "Data Source=design-time.db", compiledModel: false);
        return new SelvstyrtDb(options.Options);
    }
}
