using System.Collections.Concurrent;
using System.Reflection;
using Selvstyrt.Testing;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

[assembly: AssemblyFixture(typeof(Selvstyrt.Web.Tests.Hosts))]
[assembly: CaptureConsole]

namespace Selvstyrt.Web.Tests;

/// <summary>Runs a theory once on SQLite and once on PostgreSQL (architecture principle 10).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatabaseDataAttribute : DataAttribute
{
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker)
        => new([new TheoryDataRow(DatabaseKind.Sqlite), new TheoryDataRow(DatabaseKind.Postgres)]);

    public override bool SupportsDiscoveryEnumeration() => true;
}

/// <summary>
/// One seeded host per database for the whole test assembly (tests that change shared data use
/// their own records). Without a PostgreSQL cluster the PostgreSQL cases are skipped with the reason
/// stated, except under CI, where they fail: CI must never pass by skipping.
/// </summary>
public sealed class Hosts : IAsyncDisposable
{
    private readonly ConcurrentDictionary<DatabaseKind, Lazy<SelvstyrtFactory>> _hosts = new();

    /// <summary>The SMTP server on loopback that the shared hosts send to; tests read what arrived, by address.</summary>
    public TestSmtpServer Smtp { get; } = TestSmtpServer.Start();

    public SelvstyrtFactory For(DatabaseKind kind)
    {
        if (kind == DatabaseKind.Postgres && SelvstyrtFactory.PostgresServer() is null)
        {
            if (SelvstyrtFactory.IsCi) throw new InvalidOperationException($"CI=true men {SelvstyrtFactory.PostgresVariable} er ikke satt: ./test.sh skal starte PostgreSQL.");
            Assert.Skip($"PostgreSQL er ikke satt opp ({SelvstyrtFactory.PostgresVariable}); kjør ./test.sh, som starter en midlertidig klynge.");
        }
        var host = _hosts.GetOrAdd(kind, k => new Lazy<SelvstyrtFactory>(() =>
        {
            var factory = new SelvstyrtFactory(k);
            foreach (var (key, value) in Smtp.Settings()) factory.Settings[key] = value;
            factory.StartServer();
            return factory;
        })).Value;
        return host;
    }

    /// <summary>A host of its own, for tests that move the clock or need a pristine database.</summary>
    public static SelvstyrtFactory Fresh(DatabaseKind kind, IReadOnlyDictionary<string, string?>? settings = null, SelvstyrtFactory? reuse = null)
    {
        if (kind == DatabaseKind.Postgres && SelvstyrtFactory.PostgresServer() is null)
        {
            if (SelvstyrtFactory.IsCi) throw new InvalidOperationException($"CI=true men {SelvstyrtFactory.PostgresVariable} er ikke satt.");
            Assert.Skip($"PostgreSQL er ikke satt opp ({SelvstyrtFactory.PostgresVariable}); kjør ./test.sh.");
        }
        var factory = new SelvstyrtFactory(kind, reuse: reuse);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) factory.Settings[key] = value;
        factory.StartServer();
        return factory;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts.Values.Where(h => h.IsValueCreated)) await host.Value.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
