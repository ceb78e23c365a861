using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.People;

/// <summary>
/// A kind of competence the provider keeps track of (issue 19, part 3): ventilator/LTMV, medication, lifting, first aid, an
/// arrangement's own routines. Shift templates require kinds by name, and the roster generator matches the same names, so
/// a kind's name is unique in the provider and a rename carries over to the templates (<c>ShiftTemplate.RenameCompetence</c>).
/// </summary>
public sealed class CompetenceKind : AuditedAggregate
{
    public const int MaxName = 80;

    private CompetenceKind(Guid id) : base(id) { }

    public Guid ProviderId { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>How long a competence of this kind holds from the day it was gained, in months; null when it does not expire.</summary>
    public int? ValidMonths { get; private set; }

    /// <summary>From this day no new competence of the kind is registered (those held stay as they are).</summary>
    public LocalDate? RetiredOn { get; private set; }

    public static Result<CompetenceKind> Create(Guid id, Guid providerId, string? name, int? validMonths)
        => new CompetenceKind(id) { ProviderId = providerId }.Change(name, validMonths);

    public Result<CompetenceKind> Change(string? name, int? validMonths)
    {
        var fields = new Dictionary<string, string>();
        var text = name?.Trim() ?? "";
        if (text.Length == 0) fields["name"] = "Skriv navnet på kompetansen, for eksempel «Respirator (LTMV)».";
        else if (text.Length > MaxName) fields["name"] = $"Navnet kan være høyst {MaxName} tegn.";
        else if (text.Contains(',', StringComparison.Ordinal)) fields["name"] = "Navnet kan ikke inneholde komma.";
        if (validMonths is < 1 or > 120) fields["validMonths"] = "Gyldigheten må være fra 1 til 120 måneder, eller tom når kompetansen ikke går ut.";
        if (fields.Count > 0) return new Invalid(fields);
        Name = text;
        ValidMonths = validMonths;
        return this;
    }

    public Result<CompetenceKind> Retire(LocalDate today)
    {
        if (RetiredOn is not null) return Invalid.Field("state", "Kompetansen er allerede tatt ut av bruk.");
        RetiredOn = today;
        return this;
    }
}

/// <summary>
/// A competence an assistant holds: the kind, the day it was gained, who trained or certified them, and the last day it holds
/// (from the kind's validity unless given). Revoked, it no longer counts. The work leader who trained them or the employer records it.
/// </summary>
public sealed class AssistantCompetence : AuditedAggregate
{
    public const int MaxBy = 200;

    private AssistantCompetence(Guid id) : base(id) { }

    public Guid AssistantId { get; private set; }
    public Guid KindId { get; private set; }
    public LocalDate GainedOn { get; private set; }

    /// <summary>Who trained or certified the assistant (a name, a course, an institution).</summary>
    public string By { get; private set; } = "";

    /// <summary>The last day the competence holds; null when it does not expire.</summary>
    public LocalDate? ValidTo { get; private set; }
    public LocalDate? RevokedOn { get; private set; }

    public static Result<AssistantCompetence> Record(Guid id, Guid assistantId, CompetenceKind kind, LocalDate? gainedOn, string? by, LocalDate? validTo, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var fields = new Dictionary<string, string>();
        if (kind.RetiredOn is { } retired && retired <= today) fields["kindId"] = "Kompetansen er tatt ut av bruk; velg en annen.";
        if (gainedOn is null) fields["gainedOn"] = "Fyll ut datoen kompetansen ble oppnådd.";
        else if (gainedOn > today) fields["gainedOn"] = "Datoen kan ikke være fram i tid.";
        var text = by?.Trim() ?? "";
        if (text.Length == 0) fields["by"] = "Skriv hvem som ga opplæringen eller godkjente kompetansen.";
        else if (text.Length > MaxBy) fields["by"] = $"Høyst {MaxBy} tegn.";
        var last = validTo ?? (gainedOn is { } g && kind.ValidMonths is { } months ? g.PlusMonths(months).PlusDays(-1) : null);
        if (last is { } l && gainedOn is { } from && l < from) fields["validTo"] = "Siste gyldige dag kan ikke være før datoen den ble oppnådd.";
        if (fields.Count > 0) return new Invalid(fields);
        return new AssistantCompetence(id) { AssistantId = assistantId, KindId = kind.Id, GainedOn = gainedOn!.Value, By = text, ValidTo = last };
    }

    public Result<AssistantCompetence> Revoke(LocalDate today)
    {
        if (RevokedOn is not null) return Invalid.Field("state", "Kompetansen er allerede trukket tilbake.");
        RevokedOn = today;
        return this;
    }

    /// <summary>The competence under its kind's name, as matching sees it.</summary>
    public HeldCompetence As(string name) => new(name, GainedOn, ValidTo, RevokedOn);
}

/// <summary>What an assistant holds on a day, by the kinds' names (the names shift templates require).</summary>
public sealed record HeldCompetence(string Name, LocalDate GainedOn, LocalDate? ValidTo, LocalDate? RevokedOn)
{
    /// <summary>Whether it counts on <paramref name="date"/>: gained by then, not past its last day, not revoked by then.</summary>
    public bool HoldsOn(LocalDate date) => GainedOn <= date && (ValidTo is null || date <= ValidTo) && (RevokedOn is null || date < RevokedOn);
}

/// <summary>Matching required competences (by name, ignoring case) with what an assistant holds on a day.</summary>
public static class Qualification
{
    /// <summary>The required names the assistant does not hold on <paramref name="date"/>, in the order required.</summary>
    public static IReadOnlyList<string> Missing(IEnumerable<string> required, IEnumerable<HeldCompetence> held, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(required);
        ArgumentNullException.ThrowIfNull(held);
        var holds = held.Where(h => h.HoldsOn(date)).Select(h => h.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return required.Where(r => !holds.Contains(r)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>What a shift requires: what everyone in the arrangement must hold, and what its template adds.</summary>
    public static IReadOnlyList<string> Required(IReadOnlyList<string> arrangement, IReadOnlyList<string>? template)
        => template is null or { Count: 0 } ? arrangement : arrangement.Count == 0 ? template : [.. arrangement.Concat(template).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>A Norwegian sentence for the missing ones, for the place that refuses.</summary>
    public static string Sentence(string name, IReadOnlyList<string> missing)
        => $"{name} mangler kompetansen vakten krever: {string.Join(", ", missing)}.";
}
