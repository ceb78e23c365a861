using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.Quality;

/// <summary>The three parts of a workplace mapping in an arrangement (the home is the assistants' workplace).</summary>
public enum MappingArea
{
    Physical = 1,
    Psychosocial = 2,
    Organisational = 3,
}

/// <summary>How a checklist item stands: fine, needs a measure, or does not apply to this arrangement.</summary>
public enum MappingAnswer
{
    Ok = 1,
    NeedsMeasure = 2,
    NotRelevant = 3,
}

/// <summary>
/// The checklist of a workplace mapping, as data: what Arbeidstilsynet's guidance for work in private homes and the handbook's
/// HMS chapter ask a work leader to look at. A mapping copies it when it is started, so an old mapping keeps its own wording.
/// </summary>
public static class MappingCatalogue
{
    public static IReadOnlyList<(string Key, MappingArea Area, string Text)> Items { get; } =
    [
        ("forflytning", MappingArea.Physical, "Forflytning: tekniske hjelpemidler (heis, glidelaken, seng) finnes, virker og er i bruk."),
        ("ergonomi", MappingArea.Physical, "Arbeidsstillinger ved stell, påkledning og matlaging er forsvarlige."),
        ("plass", MappingArea.Physical, "Det er plass til å arbeide trygt på bad, soverom og kjøkken."),
        ("renhold", MappingArea.Physical, "Hygiene og smittevern: hansker, håndvask og rutiner for avfall."),
        ("brann", MappingArea.Physical, "Brannvarsler, slukkeutstyr og rømningsvei er kjent for assistentene."),
        ("kjemikalier", MappingArea.Physical, "Rengjøringsmidler og medisiner oppbevares og håndteres trygt."),
        ("hvile", MappingArea.Physical, "Assistentene har et sted å hvile og spise, også på lange vakter."),
        ("dyr", MappingArea.Physical, "Husdyr, allergener eller røyk i hjemmet er avklart med assistentene."),
        ("vold", MappingArea.Psychosocial, "Risiko for vold og trusler er vurdert, og assistentene vet hva de skal gjøre."),
        ("alene", MappingArea.Psychosocial, "Alenearbeid: assistentene vet hvem de kan ringe ved behov, også om natten."),
        ("samarbeid", MappingArea.Psychosocial, "Samarbeidet mellom arbeidsleder og assistenter er godt og blir tatt opp jevnlig."),
        ("grenser", MappingArea.Psychosocial, "Grensene for hva assistenten skal gjøre, er tydelige og kjent."),
        ("si-fra", MappingArea.Psychosocial, "Assistentene vet hvordan de sier fra om kritikkverdige forhold (varsling)."),
        ("taushet", MappingArea.Psychosocial, "Taushetsplikten er forklart og bekreftet av alle assistentene."),
        ("opplaering", MappingArea.Organisational, "Nye assistenter og vikarer får opplæring før de jobber alene."),
        ("arbeidsplan", MappingArea.Organisational, "Arbeidsplanen er kjent i god tid og følger arbeidstidsreglene."),
        ("avvik", MappingArea.Organisational, "Assistentene vet hvordan de melder avvik, og avvik blir fulgt opp."),
        ("personalmote", MappingArea.Organisational, "Det holdes personalmøter, og assistentene kan ta opp saker der."),
        ("rutiner", MappingArea.Organisational, "Skriftlige rutiner for medisiner, hygiene og nødsituasjoner finnes og er lest."),
        ("vikar", MappingArea.Organisational, "Det er en plan for vikar ved sykdom og ferie."),
    ];
}

/// <summary>One answered item of a mapping, with the measure it needs: what, who and by when, and when it was done.</summary>
public sealed record MappingItem(Guid Id, string Key, MappingArea Area, string Text, int Order, MappingAnswer? Answer, string Comment, string Measure, string Owner,
    LocalDate? DueOn, LocalDate? DoneOn);

/// <summary>
/// The yearly workplace mapping of an arrangement (issue 20, part 2; AML § 3-1 (2) c: the employer maps the hazards of the work and
/// judges the risk, together with the work leader who knows the home): the checklist answered item by item, a measure with owner
/// and deadline for each item that needs one, and signed as done once every item is answered.
/// </summary>
public sealed class WorkplaceMapping : AuditedAggregate
{
    public const int MaxText = 2000;
    public const int MaxShort = 200;

    private readonly List<MappingItem> _items = [];

    private WorkplaceMapping(Guid id) : base(id) { }

    public Guid ProviderId { get; private set; }
    public Guid OfficeId { get; private set; }
    public Guid ArrangementId { get; private set; }
    public int Year { get; private set; }
    public LocalDate? SignedOn { get; private set; }
    public string? SignedBy { get; private set; }

    /// <summary>Who took part in the mapping (the work leader, assistants, a safety representative).</summary>
    public string Participants { get; private set; } = "";

    public string? IdempotencyKey { get; private set; }

    public IReadOnlyList<MappingItem> Items => _items;

    public int Answered => _items.Count(i => i.Answer is not null);

    public static Result<WorkplaceMapping> Start(Guid id, Guid providerId, Guid officeId, Guid arrangementId, int? year, LocalDate today, string? idempotencyKey)
    {
        if (year is null) return Invalid.Field("year", "Fyll ut året kartleggingen gjelder.");
        if (year < today.Year - 1 || year > today.Year + 1) return Invalid.Field("year", $"Året må være mellom {today.Year - 1} og {today.Year + 1}.");
        var mapping = new WorkplaceMapping(id) { ProviderId = providerId, OfficeId = officeId, ArrangementId = arrangementId, Year = year.Value, IdempotencyKey = idempotencyKey };
        var n = 0;
        foreach (var (key, area, text) in MappingCatalogue.Items)
            mapping._items.Add(new MappingItem(KeyedId.For($"mapping-item:{id}", key), key, area, text, n++, null, "", "", "", null, null));
        return mapping;
    }

    /// <summary>Answers one item; «needs a measure» asks for the measure, its owner and its deadline. Signing again is needed after a change.</summary>
    public Result<MappingItem> Answer(Guid itemId, MappingAnswer? answer, string? comment, string? measure, string? owner, LocalDate? dueOn)
    {
        var index = _items.FindIndex(i => i.Id == itemId);
        if (index < 0) return new NotFound();
        var fields = new Dictionary<string, string>();
        if (answer is null || !Enum.IsDefined(answer.Value)) fields["answer"] = "Velg «I orden», «Trenger tiltak» eller «Gjelder ikke».";
        if (comment?.Length > MaxText) fields["comment"] = $"Kommentaren kan være høyst {MaxText} tegn.";
        if (measure?.Length > MaxText) fields["measure"] = $"Tiltaket kan være høyst {MaxText} tegn.";
        if (owner?.Length > MaxShort) fields["owner"] = $"Navnet kan være høyst {MaxShort} tegn.";
        if (answer == MappingAnswer.NeedsMeasure)
        {
            if (string.IsNullOrWhiteSpace(measure)) fields["measure"] = "Beskriv tiltaket punktet trenger.";
            if (string.IsNullOrWhiteSpace(owner)) fields["owner"] = "Skriv hvem som har ansvaret for tiltaket.";
            if (dueOn is null) fields["dueOn"] = "Fyll ut fristen for tiltaket.";
        }
        if (fields.Count > 0) return new Invalid(fields);
        var needs = answer == MappingAnswer.NeedsMeasure;
        var item = _items[index] with
        {
            Answer = answer, Comment = comment?.Trim() ?? "", Measure = needs ? measure!.Trim() : "", Owner = needs ? owner!.Trim() : "", DueOn = needs ? dueOn : null,
            DoneOn = needs ? _items[index].DoneOn : null,
        };
        _items[index] = item;
        (SignedOn, SignedBy) = (null, null);
        return item;
    }

    public Result<WorkplaceMapping> CompleteMeasure(Guid itemId, LocalDate on)
    {
        var index = _items.FindIndex(i => i.Id == itemId);
        if (index < 0) return new NotFound();
        if (_items[index].Answer != MappingAnswer.NeedsMeasure) return Invalid.Field("answer", "Punktet har ikke noe tiltak.");
        if (_items[index].DoneOn is null) _items[index] = _items[index] with { DoneOn = on };
        return this;
    }

    /// <summary>Signs the mapping as done: every item answered, and who took part named.</summary>
    public Result<WorkplaceMapping> Sign(string by, LocalDate on, string? participants)
    {
        var fields = new Dictionary<string, string>();
        var open = _items.Count(i => i.Answer is null);
        if (open > 0) fields["items"] = $"{open} punkter er ikke besvart ennå.";
        if (string.IsNullOrWhiteSpace(participants)) fields["participants"] = "Skriv hvem som var med på kartleggingen.";
        else if (participants.Length > MaxShort) fields["participants"] = $"Deltakerne kan være høyst {MaxShort} tegn.";
        if (fields.Count > 0) return new Invalid(fields);
        (SignedOn, SignedBy, Participants) = (on, by, participants!.Trim());
        return this;
    }
}

/// <summary>One published version of a handbook document: its number, text, what changed, and by whom and when it was published.</summary>
public sealed record HandbookVersion(Guid Id, int Number, string Text, string ChangeNote, LocalDate PublishedOn, string PublishedBy);

/// <summary>
/// A document of the provider's HMS handbook (issue 20, part 2): a chapter such as «Melde avvik» or «Brannvern», published in
/// versions. Each new version is to be read and confirmed again by every assistant (<see cref="ReadConfirmation"/>); an old version
/// stays readable. Withdrawn when no longer in force.
/// </summary>
public sealed class HandbookDocument : AuditedAggregate
{
    public const int MaxTitle = 200;
    public const int MaxText = 20000;
    public const int MaxNote = 500;

    private readonly List<HandbookVersion> _versions = [];

    private HandbookDocument(Guid id) : base(id) { }

    public Guid ProviderId { get; private set; }
    public string Section { get; private set; } = "";
    public string Title { get; private set; } = "";
    public LocalDate? WithdrawnOn { get; private set; }
    public string? IdempotencyKey { get; private set; }

    public IReadOnlyList<HandbookVersion> Versions => _versions;

    public HandbookVersion Current => _versions.OrderByDescending(v => v.Number).First();

    public static Result<HandbookDocument> Write(Guid id, Guid providerId, string? section, string? title, string? text, string by, LocalDate on, string? idempotencyKey)
    {
        var fields = Check(section, title, text, null);
        if (fields.Count > 0) return new Invalid(fields);
        var document = new HandbookDocument(id) { ProviderId = providerId, Section = section!.Trim(), Title = title!.Trim(), IdempotencyKey = idempotencyKey };
        document._versions.Add(new HandbookVersion(KeyedId.For($"handbook:{id}", "1"), 1, text!.Trim(), "Første versjon.", on, by));
        return document;
    }

    /// <summary>Publishes a new version (a new number: everyone reads and confirms again); the section and title may change with it.</summary>
    public Result<HandbookVersion> Publish(string? section, string? title, string? text, string? changeNote, string by, LocalDate on)
    {
        if (WithdrawnOn is not null) return new Conflict("Dokumentet er trukket tilbake. Lag et nytt dokument i stedet.");
        var fields = Check(section, title, text, changeNote);
        if (string.IsNullOrWhiteSpace(changeNote)) fields["changeNote"] = "Skriv kort hva som er endret, så de som leser vet hva de skal se etter.";
        if (text?.Trim() == Current.Text && fields.Count == 0) fields["text"] = "Teksten er den samme som i gjeldende versjon.";
        if (fields.Count > 0) return new Invalid(fields);
        var number = Current.Number + 1;
        var version = new HandbookVersion(KeyedId.For($"handbook:{Id}", number.ToString(System.Globalization.CultureInfo.InvariantCulture)), number, text!.Trim(), changeNote!.Trim(), on, by);
        _versions.Add(version);
        (Section, Title) = (section!.Trim(), title!.Trim());
        return version;
    }

    public Result<HandbookDocument> Withdraw(LocalDate on)
    {
        WithdrawnOn ??= on;
        return this;
    }

    private static Dictionary<string, string> Check(string? section, string? title, string? text, string? changeNote)
    {
        var fields = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(section)) fields["section"] = "Velg eller skriv kapitlet dokumentet hører til.";
        else if (section.Length > MaxTitle) fields["section"] = $"Kapitlet kan være høyst {MaxTitle} tegn.";
        if (string.IsNullOrWhiteSpace(title)) fields["title"] = "Gi dokumentet en tittel.";
        else if (title.Length > MaxTitle) fields["title"] = $"Tittelen kan være høyst {MaxTitle} tegn.";
        if (string.IsNullOrWhiteSpace(text)) fields["text"] = "Skriv dokumentets tekst.";
        else if (text.Length > MaxText) fields["text"] = $"Teksten kan være høyst {MaxText} tegn.";
        if (changeNote?.Length > MaxNote) fields["changeNote"] = $"Endringsnotatet kan være høyst {MaxNote} tegn.";
        return fields;
    }
}

/// <summary>That a person has read a version of a handbook document: one row per person and version, kept for good.</summary>
public sealed class ReadConfirmation : AggregateRoot
{
    private ReadConfirmation(Guid id) : base(id) { }

    public Guid DocumentId { get; private set; }
    public int VersionNumber { get; private set; }
    public Guid UserId { get; private set; }
    public Instant ConfirmedAt { get; private set; }

    /// <summary>The one id of a person's confirmation of a version, so confirming twice makes one row.</summary>
    public static Guid IdFor(Guid documentId, int version, Guid userId) => KeyedId.For($"read:{documentId}:{version}", userId.ToString("N"));

    public static ReadConfirmation Confirm(Guid documentId, int version, Guid userId, Instant at)
        => new(IdFor(documentId, version, userId)) { DocumentId = documentId, VersionNumber = version, UserId = userId, ConfirmedAt = at };
}

/// <summary>Where a measure of the HMS action plan comes from.</summary>
public enum MeasureSource
{
    Incident = 1,
    Mapping = 2,
    RiskAnalysis = 3,
    Survey = 4,
    Audit = 5,

    /// <summary>Written in the action plan itself (a safety round, a meeting, the AMU).</summary>
    Plan = 6,
}

/// <summary>
/// A measure written in the action plan itself (issue 20, part 2): one that answers a survey question that scored too low (the
/// survey's key and the question's), or one of the provider's own. The measures of incidents, mappings, ROS and audits stay with
/// their case and are collected into the plan when it is read.
/// </summary>
public sealed class PlanMeasure : AuditedAggregate
{
    public const int MaxText = 2000;
    public const int MaxShort = 200;

    private PlanMeasure(Guid id) : base(id) { }

    public Guid ProviderId { get; private set; }
    public Guid? OfficeId { get; private set; }
    public MeasureSource Source { get; private set; }
    public Guid? SurveyId { get; private set; }
    public string QuestionKey { get; private set; } = "";
    public string Text { get; private set; } = "";
    public string Owner { get; private set; } = "";
    public LocalDate DueOn { get; private set; }
    public LocalDate? DoneOn { get; private set; }
    public string? IdempotencyKey { get; private set; }

    public static Result<PlanMeasure> Write(Guid id, Guid providerId, Guid? officeId, Guid? surveyId, string? questionKey, string? text, string? owner, LocalDate? dueOn,
        LocalDate today, string? idempotencyKey)
    {
        var fields = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(text)) fields["text"] = "Beskriv tiltaket.";
        else if (text.Length > MaxText) fields["text"] = $"Tiltaket kan være høyst {MaxText} tegn.";
        if (string.IsNullOrWhiteSpace(owner)) fields["owner"] = "Skriv hvem som har ansvaret for tiltaket.";
        else if (owner.Length > MaxShort) fields["owner"] = $"Navnet kan være høyst {MaxShort} tegn.";
        if (dueOn is null) fields["dueOn"] = "Fyll ut fristen for tiltaket.";
        else if (dueOn < today) fields["dueOn"] = "Fristen kan ikke være tilbake i tid.";
        if (surveyId is not null && string.IsNullOrWhiteSpace(questionKey)) fields["questionKey"] = "Velg spørsmålet tiltaket svarer på.";
        if (questionKey?.Length > 50) fields["questionKey"] = "Spørsmålet finnes ikke.";
        if (fields.Count > 0) return new Invalid(fields);
        return new PlanMeasure(id)
        {
            ProviderId = providerId, OfficeId = officeId, Source = surveyId is null ? MeasureSource.Plan : MeasureSource.Survey, SurveyId = surveyId,
            QuestionKey = surveyId is null ? "" : questionKey!.Trim(), Text = text!.Trim(), Owner = owner!.Trim(), DueOn = dueOn!.Value, IdempotencyKey = idempotencyKey,
        };
    }

    public Result<PlanMeasure> Complete(LocalDate on)
    {
        DoneOn ??= on;
        return this;
    }
}
