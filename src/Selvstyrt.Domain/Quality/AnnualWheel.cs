using NodaTime;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Rules.Calendar;

namespace Selvstyrt.Domain.Quality;

/// <summary>The tasks of the handbook's annual wheel (appendix 6), and the work leader's own.</summary>
public enum WheelTaskKind
{
    /// <summary>Period 1 (January-March): plan and finish the Easter work plan.</summary>
    EasterPlan = 1,

    /// <summary>Period 1: advertise posts in good time (before the summer).</summary>
    AdvertiseSpring = 2,

    /// <summary>Period 2 (April-May): plan and finish the work plan for the holiday season.</summary>
    SummerPlan = 3,

    /// <summary>Period 2: the holiday plan confirmed to the assistants (ferieloven § 6: at least two months before).</summary>
    SummerConfirm = 4,

    /// <summary>Period 3 (June-August): summer substitutes in place.</summary>
    SummerSubstitutes = 5,

    /// <summary>Period 3: the summer substitutes trained.</summary>
    SummerTraining = 6,

    /// <summary>Period 4 (September-December): advertise posts in good time (before Christmas).</summary>
    AdvertiseAutumn = 7,

    /// <summary>Period 4: plan and finish the work plan for Christmas and New Year.</summary>
    ChristmasPlan = 8,

    /// <summary>A task the work leader adds to their own wheel.</summary>
    Own = 20,
}

/// <summary>One task of the catalogue for a year: its kind, title, why, when it is due, and the page it is done on (relative to the arrangement).</summary>
public sealed record WheelTemplate(WheelTaskKind Kind, string Title, string Why, LocalDate DueOn, string Page);

/// <summary>
/// The handbook's annual wheel (appendix 6) as data: four periods, each with the tasks the appendix names, due on days that leave
/// the notice the law asks for. A work plan is to be known two weeks before it applies (AML § 10-3), so the Easter plan is due four
/// weeks before Maundy Thursday and the Christmas plan by 15 November; holidays are to be told two months ahead (ferieloven § 6), so
/// the summer plan is confirmed by 1 May for holidays from July.
/// </summary>
public static class WheelCatalogue
{
    public static IReadOnlyList<WheelTemplate> For(int year)
    {
        var maundyThursday = NorwegianCalendar.EasterSunday(year).PlusDays(-3);
        return
        [
            new(WheelTaskKind.EasterPlan, "Planlegg og ferdigstill arbeidsplanen for påsken",
                "Arbeidsplanen skal være kjent for assistentene minst to uker før den gjelder (arbeidsmiljøloven § 10-3).", maundyThursday.PlusDays(-28), "arbeidsplan"),
            new(WheelTaskKind.AdvertiseSpring, "Lys ut ledige stillinger i god tid før sommeren",
                "Nye assistenter trenger tid til opplæring før ferien.", new LocalDate(year, 3, 15), "rekruttering"),
            new(WheelTaskKind.SummerPlan, "Planlegg og ferdigstill arbeidsplanen for ferietiden",
                "Hvem tar ferie når, og hvem dekker vaktene.", new LocalDate(year, 4, 15), "ferie"),
            new(WheelTaskKind.SummerConfirm, "Bekreft ferieplanen for assistentene",
                "Ferien skal gjøres kjent senest to måneder før den begynner (ferieloven § 6).", new LocalDate(year, 5, 1), "ferie"),
            new(WheelTaskKind.SummerSubstitutes, "Ha ferievikarene på plass",
                "Ferievikarene er ansatt og satt opp i arbeidsplanen.", new LocalDate(year, 6, 1), "arbeidsplan"),
            new(WheelTaskKind.SummerTraining, "Gi ferievikarene opplæring",
                "Opplæringen gis av arbeidslederen før vikaren jobber alene.", new LocalDate(year, 6, 20), "opplaering"),
            new(WheelTaskKind.AdvertiseAutumn, "Lys ut ledige stillinger i god tid før jul",
                "Nye assistenter trenger tid til opplæring før høytidene.", new LocalDate(year, 9, 30), "rekruttering"),
            new(WheelTaskKind.ChristmasPlan, "Planlegg og ferdigstill arbeidsplanen for jul og nyttår",
                "Arbeidsplanen skal være kjent for assistentene minst to uker før den gjelder (arbeidsmiljøloven § 10-3).", new LocalDate(year, 11, 15), "arbeidsplan"),
        ];
    }

    /// <summary>The appendix's period of a month: 1 January-March, 2 April-May, 3 June-August, 4 September-December.</summary>
    public static int Period(int month) => month switch
    {
        <= 3 => 1,
        <= 5 => 2,
        <= 8 => 3,
        _ => 4,
    };
}

/// <summary>
/// One task of an arrangement's annual wheel (issue 20, part 6): from the catalogue, generated for each year, or the work leader's
/// own. Done by name and day, with a note; reopened when it was marked by mistake.
/// </summary>
public sealed class WheelTask : AuditedAggregate
{
    public const int MaxTitle = 200;
    public const int MaxText = 2000;

    private WheelTask(Guid id) : base(id) { }

    public Guid ProviderId { get; private set; }
    public Guid OfficeId { get; private set; }
    public Guid ArrangementId { get; private set; }
    public int Year { get; private set; }
    public WheelTaskKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string Why { get; private set; } = "";
    public LocalDate DueOn { get; private set; }

    /// <summary>The arrangement's page the task is done on (<c>arbeidsplan</c>, <c>ferie</c> …), empty for an own task.</summary>
    public string Page { get; private set; } = "";

    public LocalDate? DoneOn { get; private set; }
    public string? DoneBy { get; private set; }
    public string Note { get; private set; } = "";

    public int Period => WheelCatalogue.Period(DueOn.Month);

    public bool Overdue(LocalDate today) => DoneOn is null && DueOn < today;

    /// <summary>The id of a catalogue task: one per arrangement, year and kind, so generating twice makes nothing new.</summary>
    public static Guid IdFor(Guid arrangementId, int year, WheelTaskKind kind) => KeyedId.For($"wheel:{arrangementId}", $"{year}:{kind}");

    /// <summary>
    /// The year's tasks of the catalogue for an arrangement that runs from <paramref name="from"/> (to <paramref name="to"/>): a task
    /// due before the arrangement starts or after it ends is left out.
    /// </summary>
    public static IReadOnlyList<WheelTask> Generate(Guid providerId, Guid officeId, Guid arrangementId, int year, LocalDate from, LocalDate? to)
        => [.. WheelCatalogue.For(year).Where(t => t.DueOn >= from && (to is null || t.DueOn <= to))
            .Select(t => new WheelTask(IdFor(arrangementId, year, t.Kind))
            {
                ProviderId = providerId, OfficeId = officeId, ArrangementId = arrangementId, Year = year, Kind = t.Kind, Title = t.Title, Why = t.Why, DueOn = t.DueOn,
                Page = t.Page,
            })];

    /// <summary>A task the work leader adds to the wheel: a title and a due day in this year or the next.</summary>
    public static Result<WheelTask> Own(Guid id, Guid providerId, Guid officeId, Guid arrangementId, string? title, string? why, LocalDate? dueOn, LocalDate today)
    {
        var fields = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(title)) fields["title"] = "Skriv hva som skal gjøres.";
        else if (title.Length > MaxTitle) fields["title"] = $"Oppgaven kan være høyst {MaxTitle} tegn.";
        if (why?.Length > MaxText) fields["why"] = $"Beskrivelsen kan være høyst {MaxText} tegn.";
        if (dueOn is null) fields["dueOn"] = "Fyll ut fristen.";
        else if (dueOn.Value.Year < today.Year - 1 || dueOn.Value.Year > today.Year + 1) fields["dueOn"] = $"Fristen må være mellom {today.Year - 1} og {today.Year + 1}.";
        if (fields.Count > 0) return new Invalid(fields);
        return new WheelTask(id)
        {
            ProviderId = providerId, OfficeId = officeId, ArrangementId = arrangementId, Year = dueOn!.Value.Year, Kind = WheelTaskKind.Own, Title = title!.Trim(),
            Why = why?.Trim() ?? "", DueOn = dueOn.Value,
        };
    }

    public Result<WheelTask> Complete(string by, LocalDate on, string? note)
    {
        if (note?.Length > MaxText) return Invalid.Field("note", $"Merknaden kan være høyst {MaxText} tegn.");
        if (DoneOn is not null) return this;
        (DoneOn, DoneBy, Note) = (on, by, note?.Trim() ?? "");
        return this;
    }

    public Result<WheelTask> Reopen()
    {
        (DoneOn, DoneBy) = (null, null);
        return this;
    }
}
