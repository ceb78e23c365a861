using System.Globalization;
using NodaTime;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Rules.Engine;
using Selvstyrt.Domain.Rules.Parameters;

namespace Selvstyrt.Domain.Agreements;

/// <summary>Whom a working-time agreement covers.</summary>
public enum AgreementScope
{
    /// <summary>Every assistant of the employer.</summary>
    Employer = 1,
    /// <summary>The assistants with a place in one arrangement.</summary>
    Arrangement = 2,
    /// <summary>Named assistants (an individual written agreement).</summary>
    Assistants = 3,
}

/// <summary>What an agreement says: its legal basis, whom it covers, when, its figures and its parties.</summary>
public sealed record AgreementTerms(
    LegalBasisKind Kind, string? Name, AgreementScope Scope, Guid? ArrangementId, IReadOnlyList<Guid> Assistants, LocalDate? ValidFrom, LocalDate? ValidTo)
{
    /// <summary>Long-shift figures (AML-10-12-4 and Arbeidstilsynet): the longest shift, the shortest rest after it, and the compensatory rest.</summary>
    public double? MaxShiftHours { get; init; }
    public double? MinRestHours { get; init; }
    public double? CompensatoryRestHours { get; init; }

    /// <summary>Averaging figures of an AML-10-5-3 consent (the law's caps otherwise).</summary>
    public double? AveragingDailyHours { get; init; }
    public double? AveragingWeeklyHours { get; init; }
    public int? AveragingOverWeeks { get; init; }
    public double? AveragingSingleWeekHours { get; init; }
    public int? AveragingPeriodWeeks { get; init; }

    /// <summary>A tariff's own night window (AML § 10-11 (1): at least 8 hours and containing 00:00-06:00), for AML-10-11-9.</summary>
    public LocalTime? NightFrom { get; init; }
    public LocalTime? NightTo { get; init; }

    /// <summary>The union that is party to a tariff agreement, and its members (§ 10-12 (4) asks for at least 10,000).</summary>
    public string? Union { get; init; }
    public int? UnionMembers { get; init; }

    /// <summary>Arbeidstilsynet's case number, or the agreement's own reference.</summary>
    public string? Reference { get; init; }
    public LocalDate? SignedOn { get; init; }
}

/// <summary>
/// A legal basis the employer relies on for working time (issue 18, rules.md § 0): a tariff deviation for døgnvakt under
/// AML § 10-12 (4), an averaging agreement (§ 10-5), a Sunday agreement (§ 10-8 (4)), shorter rest by tariff (§ 10-8 (3)),
/// Arbeidstilsynet's consent, and the others of <see cref="LegalBasisKind"/>. The plan editor, the publish check, the time
/// sheets, pay, the working-time record and the roster generator all read the same records through <see cref="ToBasis"/>.
/// Every change is kept as a numbered version; an agreement is ended by its last day, never deleted.
/// </summary>
public sealed class WorkingTimeAgreement : AuditedAggregate
{
    public const int MaxName = 120;
    public const int MaxText = 120;
    public const int TariffDeviationMembers = 10_000;

    private readonly List<AgreementMember> _members = [];
    private readonly List<AgreementVersion> _versions = [];

    private WorkingTimeAgreement(Guid id) : base(id) { }

    public Guid ProviderId { get; private set; }
    public LegalBasisKind Kind { get; private set; }
    public string Name { get; private set; } = "";
    public AgreementScope Scope { get; private set; }
    public Guid? ArrangementId { get; private set; }
    public LocalDate ValidFrom { get; private set; }
    public LocalDate? ValidTo { get; private set; }
    public double? MaxShiftHours { get; private set; }
    public double? MinRestHours { get; private set; }
    public double? CompensatoryRestHours { get; private set; }
    public double? AveragingDailyHours { get; private set; }
    public double? AveragingWeeklyHours { get; private set; }
    public int? AveragingOverWeeks { get; private set; }
    public double? AveragingSingleWeekHours { get; private set; }
    public int? AveragingPeriodWeeks { get; private set; }
    /// <summary>A tariff night window, stored as minutes since midnight like the plans' times.</summary>
    public int? NightFromMinute { get; private set; }
    public int? NightToMinute { get; private set; }
    public LocalTime? NightFrom => NightFromMinute is { } m ? LocalTime.FromMinutesSinceMidnight(m) : null;
    public LocalTime? NightTo => NightToMinute is { } m ? LocalTime.FromMinutesSinceMidnight(m) : null;
    public string? Union { get; private set; }
    public int? UnionMembers { get; private set; }
    public string? Reference { get; private set; }
    public LocalDate? SignedOn { get; private set; }

    /// <summary>The signed agreement or Arbeidstilsynet's decision (a PDF), kept apart so lists never load it.</summary>
    public Guid? DocumentId { get; private set; }
    public string? DocumentName { get; private set; }

    /// <summary>The number of the version in force (1 when made; one more for each change).</summary>
    public int CurrentVersion { get; private set; }

    public IReadOnlyList<AgreementMember> Members => _members;
    public IReadOnlyList<AgreementVersion> Versions => _versions;

    /// <summary>Whether the kind is a long-shift basis (its own caps on shift length and rest).</summary>
    public static bool IsLongShift(LegalBasisKind kind) => kind is LegalBasisKind.TariffDeviation or LegalBasisKind.Arbeidstilsynet;

    /// <summary>Whether the kind rests on a tariff agreement, so a union is a party.</summary>
    public static bool IsTariff(LegalBasisKind kind) => kind is LegalBasisKind.TariffDeviation or LegalBasisKind.AveragingByTariff or LegalBasisKind.OvertimeByTariff
        or LegalBasisKind.LongerDayByTariff or LegalBasisKind.ShorterRestByTariff or LegalBasisKind.NightWorkByTariff;

    public static Result<WorkingTimeAgreement> Create(Guid id, Guid providerId, AgreementTerms terms, Instant at, string by)
    {
        var made = new WorkingTimeAgreement(id) { ProviderId = providerId };
        var applied = made.Apply(terms, null);
        if (!applied.IsSuccess) return applied.Error!;
        made.AddVersion(at, by, "Registrert.");
        return made;
    }

    /// <summary>Changes the terms as a new version; the note says why (a renegotiation, a correction).</summary>
    public Result<WorkingTimeAgreement> Change(AgreementTerms terms, string? note, Instant at, string by)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Kind != Kind) return Invalid.Field("kind", "Rettsgrunnlaget kan ikke endres; avslutt avtalen og registrer en ny.");
        var text = note?.Trim() ?? "";
        if (text.Length > 500) return Invalid.Field("note", "Begrunnelsen kan være høyst 500 tegn.");
        var applied = Apply(terms, text.Length == 0 ? "Skriv hvorfor avtalen endres, for eksempel «reforhandlet» eller «rettet skrivefeil»." : null);
        if (!applied.IsSuccess) return applied.Error!;
        AddVersion(at, by, text);
        return this;
    }

    /// <summary>Ends the agreement after its last day (it stays on record for the plans and sheets it covered).</summary>
    public Result<WorkingTimeAgreement> End(LocalDate? lastDay, string? reason, Instant at, string by)
    {
        var fields = new Dictionary<string, string>();
        if (lastDay is null) fields["lastDay"] = "Fyll ut siste dag avtalen gjelder.";
        else if (lastDay < ValidFrom) fields["lastDay"] = $"Siste dag kan ikke være før avtalen begynner ({Date(ValidFrom)}).";
        else if (ValidTo is { } to && lastDay > to) fields["lastDay"] = $"Avtalen gjelder bare til {Date(to)}; siste dag kan ikke være senere.";
        var text = reason?.Trim() ?? "";
        if (text.Length == 0) fields["reason"] = "Skriv hvorfor avtalen avsluttes, for eksempel «sagt opp av fagforeningen».";
        else if (text.Length > 500) fields["reason"] = "Begrunnelsen kan være høyst 500 tegn.";
        if (fields.Count > 0) return new Invalid(fields);
        ValidTo = lastDay;
        AddVersion(at, by, $"Avsluttet med siste dag {Date(lastDay!.Value)}: {text}");
        return this;
    }

    public void AttachDocument(Guid documentId, string fileName)
    {
        DocumentId = documentId;
        DocumentName = fileName;
    }

    /// <summary>Whether the agreement is in force on a day.</summary>
    public bool InForceOn(LocalDate day) => ValidFrom <= day && (ValidTo is null || day <= ValidTo);

    /// <summary>
    /// The agreement as the rules engine's basis. <paramref name="placed"/> gives the assistants with a place in the
    /// agreement's arrangement (for <see cref="AgreementScope.Arrangement"/>); the engine judges per assistant and day.
    /// </summary>
    public LegalBasis ToBasis(IReadOnlyCollection<Guid>? placed = null)
    {
        IReadOnlySet<string>? who = Scope switch
        {
            AgreementScope.Employer => null,
            AgreementScope.Arrangement => (placed ?? []).Select(g => g.ToString()).ToHashSet(StringComparer.Ordinal),
            _ => _members.Select(m => m.AssistantId.ToString()).ToHashSet(StringComparer.Ordinal),
        };
        var defaults = new LongShiftTerms();
        return new LegalBasis(Kind, Id.ToString(), who, ValidFrom, ValidTo)
        {
            LongShift = new LongShiftTerms(MaxShiftHours ?? defaults.MaxShiftHours, MinRestHours ?? defaults.MinRestHours, CompensatoryRestHours ?? defaults.CompensatoryRestHours),
            Averaging = Kind == LegalBasisKind.AveragingByConsent && AveragingDailyHours is { } daily
                ? new AveragingLimits(daily, AveragingWeeklyHours ?? 54, AveragingOverWeeks ?? 1, AveragingSingleWeekHours ?? 54, AveragingPeriodWeeks ?? 26)
                : null,
        };
    }

    /// <summary>The terms in words, as each version records them.</summary>
    public string Summary()
    {
        var parts = new List<string> { $"{LegalBasis.Code(Kind)}, fra {Date(ValidFrom)}" + (ValidTo is { } to ? $" til {Date(to)}" : "") };
        parts.Add(Scope switch
        {
            AgreementScope.Employer => "alle assistenter",
            AgreementScope.Arrangement => "assistentene i én ordning",
            _ => $"{_members.Count} navngitte assistenter",
        });
        if (IsLongShift(Kind)) parts.Add($"vakter til {Hours(MaxShiftHours ?? 24)} t, hvile minst {Hours(MinRestHours ?? 8)} t, kompenserende hvile {Hours(CompensatoryRestHours ?? 11)} t");
        if (AveragingDailyHours is { } d) parts.Add($"gjennomsnitt: {Hours(d)} t per døgn, {Hours(AveragingWeeklyHours ?? 54)} t per uke over {AveragingOverWeeks ?? 1} uker, høyst {Hours(AveragingSingleWeekHours ?? 54)} t en uke, periode {AveragingPeriodWeeks ?? 26} uker");
        if (NightFrom is { } nf && NightTo is { } nt) parts.Add($"natt {nf.ToString("HH':'mm", CultureInfo.InvariantCulture)}–{nt.ToString("HH':'mm", CultureInfo.InvariantCulture)}");
        if (Union is { } u) parts.Add(UnionMembers is { } m ? $"{u} ({m.ToString("N0", Nb)} medlemmer)" : u);
        if (Reference is { } r) parts.Add($"referanse {r}");
        return string.Join("; ", parts) + ".";
    }

    private Result<WorkingTimeAgreement> Apply(AgreementTerms t, string? missingNote)
    {
        ArgumentNullException.ThrowIfNull(t);
        var f = new Dictionary<string, string>();
        if (missingNote is not null) f["note"] = missingNote;
        if (!Enum.IsDefined(t.Kind)) f["kind"] = "Velg rettsgrunnlaget.";
        var name = t.Name?.Trim() ?? "";
        if (name.Length == 0) f["name"] = "Skriv et navn på avtalen, for eksempel «Særavtale døgnvakt 2026».";
        else if (name.Length > MaxName) f["name"] = $"Navnet kan være høyst {MaxName} tegn.";
        if (!Enum.IsDefined(t.Scope)) f["scope"] = "Velg hvem avtalen gjelder for.";
        else if (t.Scope == AgreementScope.Arrangement && t.ArrangementId is null) f["arrangementId"] = "Velg ordningen avtalen gjelder for.";
        else if (t.Scope == AgreementScope.Assistants && (t.Assistants is null || t.Assistants.Count == 0)) f["assistants"] = "Velg minst én assistent avtalen gjelder for.";
        if (t.Kind == LegalBasisKind.AveragingByAgreement && t.Scope != AgreementScope.Assistants)
            f["scope"] = "En avtale om gjennomsnittsberegning etter § 10-5 (1) inngås skriftlig med den enkelte; velg navngitte assistenter.";
        if (t.ValidFrom is null) f["validFrom"] = "Fyll ut første dag avtalen gjelder.";
        else if (t.ValidTo is { } to && to < t.ValidFrom) f["validTo"] = "Siste dag kan ikke være før første dag.";
        if (t.SignedOn is { } signed && t.ValidFrom is { } from && signed > from.PlusYears(1)) f["signedOn"] = "Datoen avtalen ble inngått, ser feil ut: den er mer enn et år etter at den gjelder fra.";

        var union = t.Union?.Trim() is { Length: > 0 } un ? un : null;
        if (union is { Length: > MaxText }) f["union"] = $"Navnet på fagforeningen kan være høyst {MaxText} tegn.";
        if (IsTariff(t.Kind) && union is null) f["union"] = "Skriv fagforeningen som er part i tariffavtalen.";
        if (t.UnionMembers is < 1) f["unionMembers"] = "Antall medlemmer må være et positivt tall.";
        if (t.Kind == LegalBasisKind.TariffDeviation && (t.UnionMembers ?? 0) < TariffDeviationMembers)
            f["unionMembers"] = $"Unntak etter § 10-12 (4) krever en fagforening med minst {TariffDeviationMembers.ToString("N0", Nb)} medlemmer; skriv antallet.";
        var reference = t.Reference?.Trim() is { Length: > 0 } re ? re : null;
        if (reference is { Length: > MaxText }) f["reference"] = $"Referansen kan være høyst {MaxText} tegn.";
        if (t.Kind == LegalBasisKind.Arbeidstilsynet && reference is null) f["reference"] = "Skriv saksnummeret på Arbeidstilsynets samtykke.";

        var longShift = IsLongShift(t.Kind);
        if (longShift)
        {
            if (t.MaxShiftHours is null) f["maxShiftHours"] = "Fyll ut lengste vakt avtalen tillater, i timer.";
            else if (t.MaxShiftHours is <= 13 or > 72) f["maxShiftHours"] = "Lengste vakt må være over 13 og høyst 72 timer.";
            if (t.MinRestHours is null) f["minRestHours"] = "Fyll ut korteste hvile mellom vaktene, i timer.";
            else if (t.MinRestHours is < 0 or > 35) f["minRestHours"] = "Korteste hvile må være mellom 0 og 35 timer.";
            if (t.CompensatoryRestHours is null) f["compensatoryRestHours"] = "Fyll ut kompenserende hvile etter en lang vakt, i timer.";
            else if (t.CompensatoryRestHours is < 11 or > 72) f["compensatoryRestHours"] = "Kompenserende hvile må være mellom 11 og 72 timer.";
            else if (t.MinRestHours is { } min && t.CompensatoryRestHours < min) f["compensatoryRestHours"] = "Kompenserende hvile kan ikke være kortere enn korteste hvile.";
        }
        else if (t.MaxShiftHours is not null || t.MinRestHours is not null || t.CompensatoryRestHours is not null)
            f["maxShiftHours"] = "Vaktlengde og hvile hører til et unntak etter § 10-12 (4) eller et samtykke fra Arbeidstilsynet.";
        var averaging = t.AveragingDailyHours is not null || t.AveragingWeeklyHours is not null || t.AveragingOverWeeks is not null
                        || t.AveragingSingleWeekHours is not null || t.AveragingPeriodWeeks is not null;
        if (averaging && t.Kind != LegalBasisKind.AveragingByConsent)
            f["averagingDailyHours"] = "Egne grenser for gjennomsnittsberegning hører til et samtykke fra Arbeidstilsynet (§ 10-5 (3)); ellers gjelder lovens.";
        else if (averaging)
        {
            if (t.AveragingDailyHours is null or <= 9 or > 24) f["averagingDailyHours"] = "Arbeidstid per døgn må være over 9 og høyst 24 timer.";
            if (t.AveragingWeeklyHours is not null and (<= 40 or > 69)) f["averagingWeeklyHours"] = "Arbeidstid per uke må være over 40 og høyst 69 timer.";
            if (t.AveragingOverWeeks is not null and (< 1 or > 52)) f["averagingOverWeeks"] = "Antall uker må være fra 1 til 52.";
            if (t.AveragingSingleWeekHours is not null and (<= 40 or > 69)) f["averagingSingleWeekHours"] = "Høyeste uke må være over 40 og høyst 69 timer.";
            if (t.AveragingPeriodWeeks is not null and (< 1 or > 52)) f["averagingPeriodWeeks"] = "Perioden må være fra 1 til 52 uker.";
        }
        if (t.NightFrom is not null || t.NightTo is not null)
        {
            if (t.Kind != LegalBasisKind.NightWorkByTariff) f["nightFrom"] = "Et eget nattvindu hører til en tariffavtale om nattarbeid (§ 10-11).";
            else if (t.NightFrom is not { } nightStart || t.NightTo is not { } nightEnd) f[t.NightFrom is null ? "nightFrom" : "nightTo"] = "Fyll ut både når natten begynner og slutter.";
            else if (!NightWindowHolds(nightStart, nightEnd)) f["nightFrom"] = "Nattvinduet skal være minst 8 timer og dekke 00:00–06:00 (arbeidsmiljøloven § 10-11 (1)).";
            else if (t.Scope != AgreementScope.Employer) f["scope"] = "Et eget nattvindu gjelder hele arbeidsgiveren; velg «Alle assistenter».";
        }
        if (f.Count > 0) return new Invalid(f);

        Kind = t.Kind;
        Name = name;
        Scope = t.Scope;
        ArrangementId = t.Scope == AgreementScope.Arrangement ? t.ArrangementId : null;
        ValidFrom = t.ValidFrom!.Value;
        ValidTo = t.ValidTo;
        (MaxShiftHours, MinRestHours, CompensatoryRestHours) = longShift ? (t.MaxShiftHours, t.MinRestHours, t.CompensatoryRestHours) : (null, null, null);
        (AveragingDailyHours, AveragingWeeklyHours, AveragingOverWeeks, AveragingSingleWeekHours, AveragingPeriodWeeks) =
            (t.AveragingDailyHours, t.AveragingWeeklyHours, t.AveragingOverWeeks, t.AveragingSingleWeekHours, t.AveragingPeriodWeeks);
        (NightFromMinute, NightToMinute) = (t.NightFrom is { } nf ? (nf.Hour * 60) + nf.Minute : null, t.NightTo is { } nt ? (nt.Hour * 60) + nt.Minute : null);
        Union = union;
        UnionMembers = t.UnionMembers;
        Reference = reference;
        SignedOn = t.SignedOn;
        var wanted = t.Scope == AgreementScope.Assistants ? (t.Assistants ?? []).Distinct().ToHashSet() : [];
        _members.RemoveAll(m => !wanted.Contains(m.AssistantId));
        foreach (var a in wanted.Where(a => _members.All(m => m.AssistantId != a))) _members.Add(new AgreementMember(Id, a));
        return this;
    }

    /// <summary>The tariff night window in force on a day, if this agreement gives one.</summary>
    public (LocalTime From, LocalTime To)? NightWindowOn(LocalDate day)
        => Kind == LegalBasisKind.NightWorkByTariff && NightFrom is { } from && NightTo is { } to && InForceOn(day) ? (from, to) : null;

    /// <summary>AML § 10-11 (1): a night window of at least 8 hours that contains 00:00-06:00 (the batch check's test).</summary>
    public static bool NightWindowHolds(LocalTime from, LocalTime to)
    {
        var length = ((to.Hour * 60) + to.Minute - (from.Hour * 60) - from.Minute + 1440) % 1440;
        var smallHours = from > to ? to >= new LocalTime(6, 0) : from == LocalTime.Midnight && to >= new LocalTime(6, 0);
        return length >= 8 * 60 && smallHours;
    }

    private void AddVersion(Instant at, string by, string note)
    {
        CurrentVersion++;
        _versions.Add(new AgreementVersion(Guid.CreateVersion7(), Id, CurrentVersion, at, by, Summary(), note));
    }

    private static readonly CultureInfo Nb = CultureInfo.GetCultureInfo("nb-NO");
    private static string Date(LocalDate d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
    private static string Hours(double h) => h.ToString("0.#", Nb);
}

/// <summary>An assistant named in an individual agreement.</summary>
public sealed class AgreementMember
{
    internal AgreementMember(Guid agreementId, Guid assistantId) => (AgreementId, AssistantId) = (agreementId, assistantId);

    public Guid AgreementId { get; private set; }
    public Guid AssistantId { get; private set; }
}

/// <summary>One version of an agreement: when, by whom, the terms in words and why it changed.</summary>
public sealed class AgreementVersion : Entity
{
    private AgreementVersion(Guid id) : base(id) { }

    internal AgreementVersion(Guid id, Guid agreementId, int number, Instant at, string by, string terms, string note) : base(id)
        => (AgreementId, Number, At, By, Terms, Note) = (agreementId, number, at, by, terms, note);

    public Guid AgreementId { get; private set; }
    public int Number { get; private set; }
    public Instant At { get; private set; }
    public string By { get; private set; } = "";
    public string Terms { get; private set; } = "";
    public string Note { get; private set; } = "";
}

/// <summary>The agreement's document as uploaded (a PDF: the signed agreement or Arbeidstilsynet's decision).</summary>
public sealed class AgreementDocument : Entity
{
    private AgreementDocument(Guid id) : base(id) { }

    public Guid AgreementId { get; private set; }
    public string FileName { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public Instant UploadedAt { get; private set; }

    public static Result<AgreementDocument> Create(Guid id, Guid agreementId, string fileName, byte[] content, Instant at)
    {
        var name = PdfUpload.Check(fileName, content, "avtale.pdf", "Avtalen må lastes opp som en PDF-fil.");
        if (!name.IsSuccess) return name.Error!;
        return new AgreementDocument(id) { AgreementId = agreementId, FileName = name.Value!, Content = content, UploadedAt = at };
    }
}
