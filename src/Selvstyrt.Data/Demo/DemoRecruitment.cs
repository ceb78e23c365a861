using NodaTime;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.People;

namespace Selvstyrt.Data.Demo;

/// <summary>The names the demo's competences go by where code refers to them.</summary>
public static class DemoCompetences
{
    public const string Ventilator = "Respirator (LTMV)";
}

/// <summary>
/// The demo's open recruitment in Even's 24/7 arrangement (arrangement 10): Jonas interviewed with a reference checked, Amina's
/// application just in. The work leader approves one, the administrator hires: the demo's path from applicant to first shift.
/// </summary>
public static class DemoRecruitment
{
    public static JobPosting For(Guid providerId, Guid arrangementId)
    {
        var facts = new RecruitmentDraft.Facts("Ordningen til Even", "Oslo", 336m,
            DecisionPurposes.PersonalHelpAtHome | DecisionPurposes.HelpOutsideHome | DecisionPurposes.TwoToOne | DecisionPurposes.AwakeNight,
            ["Forflytning", "Nattevakt-opplæring", DemoCompetences.Ventilator]);
        var title = RecruitmentDraft.Title(50m, facts.Needs);
        var start = new LocalDate(2026, 12, 14);
        var applyBy = new LocalDate(2026, 11, 30);
        var posting = DemoData.Ok(JobPosting.Create(DemoIds.For("posting:10"), providerId, arrangementId, title, RecruitmentDraft.Description(facts, 50m),
            RecruitmentDraft.Ad(title, facts, applyBy, start), RecruitmentDraft.InterviewGuide(), 50m, start, applyBy, null, null));
        var today = new LocalDate(2026, 11, 20);
        var jonas = DemoData.Ok(posting.AddApplicant(DemoIds.For("applicant:10:jonas"), "Jonas Berg", "jonas.berg@eksempel.no", "+47 912 34 567",
            "Helsefagarbeider, to år i hjemmetjenesten. Kan ta kvelder, netter og annenhver helg.", new LocalDate(2026, 11, 12), today));
        DemoData.Ok(posting.RecordInterview(jonas.Id, new LocalDate(2026, 11, 18),
            "Even presenterte seg og hverdagen. Jonas har erfaring med forflytning og vil gjerne lære respirator. Rolig og lyttende; forstår brukerstyring."));
        DemoData.Ok(posting.RecordReference(jonas.Id, DemoIds.For("reference:10:jonas"), "Kari Holm", "Avdelingsleder, hjemmetjenesten", new LocalDate(2026, 11, 19),
            "Pålitelig, punktlig og godt likt av brukerne.", today));
        DemoData.Ok(posting.AddApplicant(DemoIds.For("applicant:10:amina"), "Amina Hassan", "amina.hassan@eksempel.no", null,
            "Student, sykepleie. Kan ta helger.", new LocalDate(2026, 11, 19), today));
        return posting;
    }
}
