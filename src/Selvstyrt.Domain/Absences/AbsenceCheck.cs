using NodaTime;
using Selvstyrt.Domain.Rules;
using Selvstyrt.Domain.Rules.Engine;

namespace Selvstyrt.Domain.Absences;

/// <summary>One registered absence in the batch check's input; for a holiday, perhaps the day its time was told (FER-6-1).</summary>
public sealed record AbsenceInput(string Id, string Assistant, AbsencePeriod Period, LocalDate? ToldOn = null);

/// <summary>What an assistant's absences are judged against: employment start and, for sick-child days, the children and carer status.</summary>
public sealed record AbsenceFacts(LocalDate? EmployedFrom, IReadOnlyList<CareChild> Children, bool SoleCarer);

/// <summary>The batch check's absence part: the absences in order, and per assistant the facts.</summary>
public sealed record AbsenceRecords(IReadOnlyList<AbsenceInput> Absences, IReadOnlyDictionary<string, AbsenceFacts> Facts);

/// <summary>
/// The batch check of absence records (issue 17, part 8): each assistant's absences in order, each sickness judged by the
/// rules of rules.md § 4 against the ones before it (the same <see cref="SickLeaveRules"/> the web app uses when an absence
/// is reported), and sick-child days counted per calendar year against OMS-9-6 with the employer's and NAV's share (OMS-PAY).
/// Holidays are judged by <see cref="HolidayRules"/>: sickness in one (FER-9-1), the time told (FER-6-1), the main holiday
/// (FER-7-1), and per holiday year the days against the right (FER-5-1/5-2, the agreement's FER-TARIFF) and those left (FER-7-3).
/// Findings name the absence in their shift list and run from its first day to the end of its last; a year's findings name
/// the year's holidays and run over the year.
/// </summary>
public static class AbsenceCheck
{
    public static IReadOnlyList<Finding> Run(CheckInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Absences is not { } records) return [];
        var assistants = input.Assistants.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var employers = input.Employers.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var findings = new List<Finding>();
        foreach (var group in records.Absences.GroupBy(a => a.Assistant, StringComparer.Ordinal))
        {
            var profile = assistants[group.Key];
            var employer = employers[profile.Employer];
            var facts = records.Facts.GetValueOrDefault(group.Key) ?? new AbsenceFacts(profile.EmployedFrom, [], false);
            var policy = employer.Settings.WiderSelfCertification ? SelfCertificationPolicy.Wider : SelfCertificationPolicy.Statutory;
            var earlier = new List<AbsencePeriod>();
            var holidays = group.Where(a => a.Period.Kind == AbsenceKind.Holiday).ToList();
            var granted = holidays.Select(h => new GrantedHoliday(h.Period.From, h.Period.To)).ToList();
            foreach (var absence in group.OrderBy(a => a.Period.From))
            {
                var from = input.Zone.AtStartOfDay(absence.Period.From).ToInstant();
                var to = input.Zone.AtStartOfDay(absence.Period.To.PlusDays(1)).ToInstant();
                Finding Make(string rule, Severity severity, string message) => new(rule, severity, group.Key, employer.Id, [absence.Id], from, to, null, null, null, message);
                if (absence.Period.IsSickness && (facts.EmployedFrom ?? profile.EmployedFrom) is { } employed)
                {
                    foreach (var f in SickLeaveRules.Check(new SickLeaveCase(employed, absence.Period, [.. earlier], policy))) findings.Add(Make(f.Rule, f.Severity, f.Message));
                    foreach (var f in HolidayRules.OnSickness(absence.Period, granted)) findings.Add(Make(f.Rule, f.Severity, f.Message));
                }
                else if (absence.Period.Kind == AbsenceKind.Holiday)
                {
                    foreach (var f in HolidayRules.OnHoliday(absence.Period.From, absence.Period.To, facts.EmployedFrom ?? profile.EmployedFrom, absence.ToldOn)) findings.Add(Make(f.Rule, f.Severity, f.Message));
                }
                else if (absence.Period.Kind == AbsenceKind.SickChild)
                {
                    foreach (var f in SickChildRules.Check(absence.Period, earlier, facts.Children, facts.SoleCarer).Findings) findings.Add(Make(f.Rule, f.Severity, f.Message));
                }
                earlier.Add(absence.Period);
            }
            findings.AddRange(HolidayYears(input, group.Key, employer, profile, facts.EmployedFrom ?? profile.EmployedFrom, holidays, granted, group.Select(a => a.Period).ToList()));
        }
        return findings;
    }

    /// <summary>
    /// Per holiday year with a holiday registered: the days against the right (FER-5-1, with FER-5-2 and the agreement's week),
    /// and when the check's period holds the whole main-holiday period or the whole year, the main holiday (FER-7-1) and the
    /// days not taken (FER-7-3). Carry-over agreements are not in the input, so only days sickness gave back carry in.
    /// </summary>
    private static IEnumerable<Finding> HolidayYears(CheckInput input, string assistant, EmployerProfile employer, AssistantProfile profile, LocalDate? employedFrom,
        List<AbsenceInput> holidays, List<GrantedHoliday> granted, List<AbsencePeriod> all)
    {
        if (holidays.Count == 0) yield break;
        var sickness = all.Where(p => p.Kind == AbsenceKind.DoctorCertified).ToList();
        var ids = holidays.Select(h => h.Id).ToList();
        foreach (var year in holidays.SelectMany(h => new[] { h.Period.From.Year, h.Period.To.Year }).Distinct().Order())
        {
            var terms = HolidayRules.Terms(employer.Tariff, year);
            var account = HolidayRules.Account(year, employedFrom ?? new LocalDate(year, 1, 1), profile.BirthDate, terms, granted, sickness, new Dictionary<int, int>());
            var from = input.Zone.AtStartOfDay(new LocalDate(year, 1, 1)).ToInstant();
            var to = input.Zone.AtStartOfDay(new LocalDate(year + 1, 1, 1)).ToInstant();
            Finding Make(string rule, Severity severity, string message) => new(rule, severity, assistant, employer.Id, ids, from, to, null, null, null, message);
            foreach (var f in HolidayRules.OnYear(account, year, employedFrom, granted, input.Period)) yield return Make(f.Rule, f.Severity, f.Message);
        }
    }
}
