using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Selvstyrt.Data;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Host;

/// <summary>
/// quality.md R2: the app starts on a compiled EF Core model per engine (<c>CompiledModel/</c> in the engine's project), so a
/// restarted server does not spend a second building it. The compiled model must be the one the configuration builds:
/// every entity, property, column, key, index and foreign key alike. After a change to the model, run
/// <c>tools/compiled-models.sh</c>.
/// </summary>
public sealed class CompiledModelTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=modell.db")]
    [InlineData(DatabaseProvider.Postgres, "Host=localhost;Database=modell")]
    public void TheCompiledModel_IsTheModelTheConfigurationBuilds(DatabaseProvider provider, string connection)
    {
        var compiled = DatabaseSetup.CompiledModel(provider);
        compiled.ShouldNotBeNull($"the compiled model of {provider} is missing: run tools/compiled-models.sh");
        var built = new DbContextOptionsBuilder<SelvstyrtDb>();
        DatabaseSetup.Configure(built, provider, connection, compiledModel: false);
        using var db = new SelvstyrtDb(built.Options);
        var expected = db.Model.ToDebugString(MetadataDebugStringOptions.LongDefault);
        var used = new DbContextOptionsBuilder<SelvstyrtDb>();
        DatabaseSetup.Configure(used, provider, connection);
        using var running = new SelvstyrtDb(used.Options);
        running.Model.ShouldBeSameAs(compiled, "the app runs on the compiled model");
        var actual = running.Model.ToDebugString(MetadataDebugStringOptions.LongDefault);
        if (actual == expected) return;
        var line = expected.Split('\n').Zip(actual.Split('\n')).Select((p, i) => (p, i)).FirstOrDefault(x => x.p.First != x.p.Second);
        actual.ShouldBe(expected, $"the compiled model of {provider} is out of date (first difference at line {line.i + 1}: «{line.p.First?.Trim()}» / «{line.p.Second?.Trim()}»): run tools/compiled-models.sh");
    }
}
