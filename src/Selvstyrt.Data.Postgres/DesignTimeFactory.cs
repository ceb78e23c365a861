using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Selvstyrt.Data.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model; no server is contacted.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SelvstyrtDb>
{
    public SelvstyrtDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SelvstyrtDb>();
        DatabaseSetup.Configure(options, DatabaseProvider.Postgres, "Host=localhost;Database=selvstyrt_design", compiledModel: false);
        return new SelvstyrtDb(options.Options);
    }
}
