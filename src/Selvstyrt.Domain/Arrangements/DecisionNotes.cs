using NodaTime;

namespace Selvstyrt.Domain.Arrangements;

/// <summary>What a decision note says; the UI turns each into a Norwegian sentence with <see cref="DecisionNote.Values"/>.</summary>
public enum DecisionNoteCode
{
    /// <summary>At least 32 hours a week: the statutory right applies.</summary>
    RightByHours,

    /// <summary>25-32 hours a week: the right applies unless the municipality documents a much higher cost.</summary>
    RightUnlessCostlier,

    /// <summary>Under 25 hours a week: no statutory right; the municipality may still grant BPA.</summary>
    NoRightByHours,

    /// <summary>The recipient was 67 or older when this decision began, and had no decision before turning 67.</summary>
    OverAgeLimit,

    /// <summary>Kept after 67 because BPA was granted before.</summary>
    KeptAfterAgeLimit,

    /// <summary>The decision period is shorter than the two years the need must last (renewals are common).</summary>
    PeriodUnderTwoYears,
}

/// <summary>An <c>info</c> note on a decision (rules.md § 6, BPA-2-1D). Never blocks.</summary>
public sealed record DecisionNote(string Rule, DecisionNoteCode Code, IReadOnlyList<string> Values);

/// <summary>
/// BPA-2-1D (pasient- og brukerrettighetsloven § 2-1 d): right to BPA for those under 67 with a long-term
/// need (over two years) of at least 32 hours a week, or 25-32 hours unless the municipality documents a much
/// higher cost. The decision still stands; these are notes for the provider and the case worker.
/// </summary>
public static class DecisionNotes
{
    public const string Rule = "BPA-2-1D";

    /// <param name="terms">The version to look at.</param>
    /// <param name="recipientBirthDate">The recipient's date of birth.</param>
    /// <param name="firstGranted">The first day of the recipient's earliest decision (this one or before).</param>
    public static IReadOnlyList<DecisionNote> For(DecisionTerms terms, LocalDate recipientBirthDate, LocalDate firstGranted)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var notes = new List<DecisionNote>();
        var weekly = terms.HoursPerWeek;
        var hours = weekly.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("nb-NO"));
        notes.Add(weekly >= 32m ? Note(DecisionNoteCode.RightByHours, hours)
            : weekly >= 25m ? Note(DecisionNoteCode.RightUnlessCostlier, hours)
            : Note(DecisionNoteCode.NoRightByHours, hours));

        var ageAtStart = Period.Between(recipientBirthDate, terms.ValidFrom, PeriodUnits.Years).Years;
        if (ageAtStart >= 67)
        {
            var ageAtFirst = Period.Between(recipientBirthDate, firstGranted, PeriodUnits.Years).Years;
            notes.Add(ageAtFirst < 67
                ? Note(DecisionNoteCode.KeptAfterAgeLimit, ageAtStart.ToString(System.Globalization.CultureInfo.InvariantCulture))
                : Note(DecisionNoteCode.OverAgeLimit, ageAtStart.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (terms.ValidTo is { } to && to < terms.ValidFrom.PlusYears(2).PlusDays(-1))
            notes.Add(Note(DecisionNoteCode.PeriodUnderTwoYears));
        return notes;
    }

    private static DecisionNote Note(DecisionNoteCode code, params string[] values) => new(Rule, code, values);
}

/// <summary>Questions about an arrangement's decisions over time.</summary>
public static class DecisionHistory
{
    /// <summary>The version in force on the date, if any.</summary>
    public static Decision? InForce(IEnumerable<Decision> decisions, LocalDate date) => decisions.FirstOrDefault(d => d.IsValidOn(date));

    /// <summary>
    /// The last day the arrangement is covered without a break from <paramref name="date"/> on, following later
    /// versions and decisions; null when the coverage is open-ended or there is no decision in force.
    /// </summary>
    public static LocalDate? CoveredUntil(IReadOnlyCollection<Decision> decisions, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var current = InForce(decisions, date);
        if (current is null) return null;
        var end = current.ValidTo;
        while (end is { } e && InForce(decisions, e.PlusDays(1)) is { } next) end = next.ValidTo;
        return end;
    }
}
