using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.Retention;

/// <summary>
/// How long Selvstyrt keeps a kind of personal data, and why (quality.md S7): the rules as data, shown to the provider
/// under «Oppbevaring og sletting» and carried out by the daily job, which records each run as a <see cref="RetentionRun"/>.
/// </summary>
/// <param name="Key">A stable key, used in the run log.</param>
/// <param name="What">What is deleted (bokmål).</param>
/// <param name="KeptUntil">When it goes (bokmål).</param>
/// <param name="Basis">The law or principle that sets the time (bokmål).</param>
public sealed record RetentionRule(string Key, string What, string KeptUntil, string Basis)
{
    public const string TimeSheets = "timelister";
    public const string PoliceCertificates = "politiattester";
    public const string Applicants = "sokere";

    /// <summary>Years the accounting documentation (time sheets, payroll basis) is kept after the end of its financial year.</summary>
    public const int AccountingYears = 5;

    public static readonly IReadOnlyList<RetentionRule> All =
    [
        new(TimeSheets, "Timelister med føringer og godkjenninger, og lønnsgrunnlaget (overføringene til lønn)",
            $"{AccountingYears} år etter utgangen av året timelisten gjelder (timelister for 2026 slettes 1. januar 2032)",
            "Bokføringsloven § 13: regnskapsdokumentasjon oppbevares i fem år etter regnskapsårets slutt."),
        new(PoliceCertificates, "Opplysningen om politiattesten (datoen den ble vist, med eller uten anmerkninger)",
            "Dagen etter at arbeidsforholdet er slutt",
            "Helse- og omsorgstjenesteloven § 5-4 og politiregisterloven: attesten skal ikke oppbevares, og opplysningen bare så lenge den trengs."),
        new(Applicants, "Søkere til en stilling, med intervjunotater og referanser",
            "Det antall dager etter at stillingen er besatt eller lukket som er satt i utlysningen (30-730, vanligvis 180)",
            "Personvernforordningen art. 5 nr. 1 e (lagringsbegrensning): ikke lenger enn formålet krever."),
    ];

    /// <summary>Time sheets and payroll exports for months before this day are past their time on <paramref name="today"/>.</summary>
    public static LocalDate AccountingCutoff(LocalDate today) => new(today.Year - AccountingYears, 1, 1);
}

/// <summary>One run of one rule for one provider: when, and how many records it deleted (0 is recorded too).</summary>
public sealed class RetentionRun : Entity
{
    private RetentionRun(Guid id) : base(id) { }

    public Guid ProviderId { get; private set; }
    public string RuleKey { get; private set; } = "";
    public LocalDate RanOn { get; private set; }
    public Instant At { get; private set; }
    public int Deleted { get; private set; }

    public static RetentionRun Record(Guid id, Guid providerId, string ruleKey, LocalDate ranOn, Instant at, int deleted)
        => new(id) { ProviderId = providerId, RuleKey = ruleKey, RanOn = ranOn, At = at, Deleted = deleted };
}
