using NodaTime;
using Selvstyrt.Domain.Rules;
using Selvstyrt.Domain.Rules.Engine;

namespace Selvstyrt.Domain.Absences;

/// <summary>One registered absence in the batch check's input.</summary>
public sealed record AbsenceInput(string Id, string Assistant, AbsencePeriod Period);

/// <summary>What an assistant's absences are judged against: employment start and, for sick-child days, the children and carer status.</summary>
public sealed record AbsenceFacts(LocalDate? EmployedFrom, IReadOnlyList<CareChild> Children, bool SoleCarer);

/// <summary>The batch check's absence part: the absences in order, and per assistant the facts.</summary>
public sealed record AbsenceRecords(IReadOnlyList<AbsenceInput> Absences, IReadOnlyDictionary<string, AbsenceFacts> Facts);

/// <summary>
/// The batch check of absence records (issue 17, part 8): each assistant's absences in order, each sickness judged by the
/// rules of rules.md § 4 against the ones before it (the same <see cref="SickLeaveRules"/> the web app uses when an absence
/// is reported), and sick-child days counted per calendar year against OMS-9-6 with the employer's and NAV's share (OMS-PAY).
/// Findings name the absence in their shift list and run from its first day to the end of its last.
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
            foreach (var absence in group.OrderBy(a => a.Period.From))
            {
                var from = input.Zone.AtStartOfDay(absence.Period.From).ToInstant();
                var to = input.Zone.AtStartOfDay(absence.Period.To.PlusDays(1)).ToInstant();
                Finding Make(string rule, Severity severity, string message) => new(rule, severity, group.Key, employer.Id, [absence.Id], from, to, null, null, null, message);
                if (absence.Period.IsSickness && (facts.EmployedFrom ?? profile.EmployedFrom) is { } employed)
                {
                    foreach (var f in SickLeaveRules.Check(new SickLeaveCase(employed, absence.Period, [.. earlier], policy))) findings.Add(Make(f.Rule, f.Severity, f.Message));
                }
                else if (absence.Period.Kind == AbsenceKind.SickChild)
                {
                    foreach (var f in SickChildRules.Check(absence.Period, earlier, facts.Children, facts.SoleCarer).Findings) findings.Add(Make(f.Rule, f.Severity, f.Message));
                }
                earlier.Add(absence.Period);
            }
        }
        return findings;
    }
}
