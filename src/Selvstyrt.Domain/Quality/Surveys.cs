using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.Quality;

/// <summary>The surveys Prima's transparency report runs each year and compares year to year.</summary>
public enum SurveyKind
{
    /// <summary>The assistants' work environment; a question scoring below 5 on average calls for a measure.</summary>
    WorkEnvironment = 1,

    /// <summary>The assistants' view of health, environment and safety in their arrangement.</summary>
    Hms = 2,

    /// <summary>The recipients' and work leaders' satisfaction, with «would you recommend us».</summary>
    UserSatisfaction = 3,
}

/// <summary>One question of a survey, scored 1 (very poor) to 6 (very good); the key is the same every year, so years compare.</summary>
public sealed record SurveyQuestion(Guid Id, string Key, string Text, int Order);

/// <summary>One answered question: the question's key and the score.</summary>
public sealed record SurveyScore(Guid Id, string Key, int Score);

/// <summary>The standard questions of each kind, as data; a survey copies them when it is made, so last year's keeps its own wording.</summary>
public static class SurveyCatalogue
{
    public static IReadOnlyList<(string Key, string Text)> For(SurveyKind kind) => kind switch
    {
        SurveyKind.WorkEnvironment =>
        [
            ("trivsel", "Jeg trives i jobben som assistent."),
            ("arbeidsleder", "Jeg får god oppfølging av arbeidslederen."),
            ("arbeidsgiver", "Jeg får god oppfølging og støtte fra arbeidsgiveren (kontoret)."),
            ("opplaering", "Jeg fikk opplæringen jeg trengte."),
            ("arbeidstid", "Arbeidstiden og vaktplanen fungerer for meg."),
            ("samarbeid", "Samarbeidet med de andre assistentene er godt."),
            ("si-fra", "Jeg kan si fra om kritikkverdige forhold uten å bli møtt negativt."),
        ],
        SurveyKind.Hms =>
        [
            ("forflytning", "Jeg har utstyret og opplæringen jeg trenger for å forflytte trygt."),
            ("avvik", "Jeg vet hvordan jeg melder avvik, og avvik blir fulgt opp."),
            ("vold", "Jeg føler meg trygg på jobb (vold og trusler)."),
            ("belastning", "Den fysiske belastningen i jobben er forsvarlig."),
            ("rutiner", "Rutinene i ordningen (medisiner, hygiene, brann) er kjent for meg."),
        ],
        _ =>
        [
            ("anbefale", "Jeg vil anbefale leverandøren til andre som trenger BPA."),
            ("styring", "Jeg bestemmer selv over assistansen min."),
            ("assistenter", "Assistentene gjør jobben slik jeg ønsker."),
            ("oppfolging", "Jeg får god oppfølging fra kontoret."),
            ("vikar", "Jeg får vikar når en assistent er borte."),
        ],
    };
}

/// <summary>
/// A yearly survey (issue 20, part 4) of one kind for a provider: its questions (copied from the catalogue), open until a day,
/// and sent once to the right people. Answers are stored without who gave them (<see cref="SurveyResponse"/>); an
/// <see cref="SurveyInvitation"/> only records that a person was asked and has answered.
/// </summary>
public sealed class Survey : AuditedAggregate
{
    /// <summary>No result is shown for a group with fewer answers than this, so nobody can be recognised.</summary>
    public const int Threshold = 5;

    /// <summary>A work-environment question averaging below this calls for a measure.</summary>
    public const decimal MeasureBelow = 5m;

    private readonly List<SurveyQuestion> _questions = [];

    private Survey(Guid id) : base(id) { }

    public Guid ProviderId { get; private set; }
    public SurveyKind Kind { get; private set; }
    public int Year { get; private set; }
    public LocalDate ClosesOn { get; private set; }
    public Instant? SentAt { get; private set; }
    public string? SentBy { get; private set; }
    public string? IdempotencyKey { get; private set; }

    public IReadOnlyList<SurveyQuestion> Questions => _questions;

    public bool IsOpen(LocalDate today) => SentAt is not null && today <= ClosesOn;

    public static Result<Survey> Create(Guid id, Guid providerId, SurveyKind? kind, int? year, LocalDate? closesOn, LocalDate today, string? idempotencyKey)
    {
        var fields = new Dictionary<string, string>();
        if (kind is null || !Enum.IsDefined(kind.Value)) fields["kind"] = "Velg hva slags undersøkelse det er.";
        if (year is null) fields["year"] = "Fyll ut året undersøkelsen gjelder.";
        else if (year < today.Year - 1 || year > today.Year + 1) fields["year"] = $"Året må være mellom {today.Year - 1} og {today.Year + 1}.";
        if (closesOn is null) fields["closesOn"] = "Fyll ut siste svardag.";
        else if (closesOn < today) fields["closesOn"] = "Siste svardag kan ikke være passert.";
        else if (closesOn > today.PlusMonths(3)) fields["closesOn"] = "Siste svardag kan være høyst tre måneder fram.";
        if (fields.Count > 0) return new Invalid(fields);
        var survey = new Survey(id) { ProviderId = providerId, Kind = kind!.Value, Year = year!.Value, ClosesOn = closesOn!.Value, IdempotencyKey = idempotencyKey };
        var order = 0;
        foreach (var (key, text) in SurveyCatalogue.For(kind.Value))
            survey._questions.Add(new SurveyQuestion(KeyedId.For($"survey-question:{id}", key), key, text, ++order));
        return survey;
    }

    /// <summary>Marks the survey sent (once); the caller makes the invitations.</summary>
    public Result<Survey> Send(string by, Instant at, LocalDate today)
    {
        if (SentAt is not null) return new Conflict("Undersøkelsen er allerede sendt.");
        if (ClosesOn < today) return Invalid.Field("closesOn", "Siste svardag er passert; lag en ny undersøkelse.");
        (SentAt, SentBy) = (at, by);
        return this;
    }

    /// <summary>
    /// Checks an answer: every question scored 1-6, nothing else. Returns the scores to store (with fresh random ids, so the
    /// order rows were written in tells nothing).
    /// </summary>
    public Result<IReadOnlyList<SurveyScore>> Check(IReadOnlyDictionary<string, int?> scores, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (!IsOpen(today)) return new Conflict("Undersøkelsen er ikke åpen for svar.");
        var fields = new Dictionary<string, string>();
        foreach (var key in scores.Keys.Where(k => _questions.All(q => q.Key != k))) fields[$"scores.{key}"] = "Ukjent spørsmål.";
        foreach (var q in _questions)
            if (scores.GetValueOrDefault(q.Key) is not (>= 1 and <= 6)) fields[$"scores.{q.Key}"] = $"Svar fra 1 til 6 på «{q.Text}»";
        if (fields.Count > 0) return new Invalid(fields);
        return _questions.Select(q => new SurveyScore(Guid.NewGuid(), q.Key, scores[q.Key]!.Value)).ToList();
    }
}

/// <summary>That a person was asked to answer a survey, for which group (office), and whether they have answered. Never what.</summary>
public sealed class SurveyInvitation : AggregateRoot
{
    private SurveyInvitation(Guid id) : base(id) { }

    public Guid SurveyId { get; private set; }
    public Guid UserId { get; private set; }
    public Guid OfficeId { get; private set; }
    public bool Answered { get; private set; }

    public static SurveyInvitation Create(Guid id, Guid surveyId, Guid userId, Guid officeId) => new(id) { SurveyId = surveyId, UserId = userId, OfficeId = officeId };

    public Result<SurveyInvitation> MarkAnswered()
    {
        if (Answered) return new Conflict("Du har allerede svart på denne undersøkelsen. Takk!");
        Answered = true;
        return this;
    }
}

/// <summary>
/// One anonymous answer: the survey, the group it counts for (the office), and the scores. It has no person, no time and a
/// random id, so it cannot be linked to the invitation that allowed it.
/// </summary>
public sealed class SurveyResponse : Entity
{
    private readonly List<SurveyScore> _scores = [];

    private SurveyResponse(Guid id) : base(id) { }

    public Guid SurveyId { get; private set; }
    public Guid OfficeId { get; private set; }
    public IReadOnlyList<SurveyScore> Scores => _scores;

    public static SurveyResponse Create(Guid surveyId, Guid officeId, IEnumerable<SurveyScore> scores)
    {
        var response = new SurveyResponse(Guid.NewGuid()) { SurveyId = surveyId, OfficeId = officeId };
        response._scores.AddRange(scores);
        return response;
    }
}

/// <summary>One question's result in a group: the average and the number of answers, or nothing under the threshold.</summary>
public sealed record QuestionResult(string Key, string Text, int Answers, decimal? Average, decimal? LastYear, bool MeasureRequired);

/// <summary>The results of a group (an office or the provider): per question, or withheld when too few answered.</summary>
public sealed record GroupResult(string Name, int Answers, bool Withheld, IReadOnlyList<QuestionResult> Questions);

/// <summary>Turns stored answers into results, withholding any group under <see cref="Survey.Threshold"/> answers.</summary>
public static class SurveyResults
{
    public static GroupResult For(string name, Survey survey, IReadOnlyCollection<SurveyResponse> responses, IReadOnlyCollection<SurveyResponse>? lastYear)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(responses);
        if (responses.Count < Survey.Threshold) return new GroupResult(name, responses.Count, true, []);
        var previous = lastYear is { Count: >= Survey.Threshold } ? lastYear : null;
        return new GroupResult(name, responses.Count, false, [.. survey.Questions.OrderBy(q => q.Order).Select(q =>
        {
            var average = Average(responses, q.Key);
            return new QuestionResult(q.Key, q.Text, responses.Count, average, previous is null ? null : Average(previous, q.Key),
                survey.Kind == SurveyKind.WorkEnvironment && average < Survey.MeasureBelow);
        })]);
    }

    private static decimal? Average(IEnumerable<SurveyResponse> responses, string key)
    {
        var scores = responses.SelectMany(r => r.Scores).Where(s => s.Key == key).Select(s => s.Score).ToList();
        return scores.Count == 0 ? null : Math.Round((decimal)scores.Average(), 1);
    }
}
