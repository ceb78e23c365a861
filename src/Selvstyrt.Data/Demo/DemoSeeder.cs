using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data.Identity;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.People;
using Selvstyrt.Domain.Plans;

namespace Selvstyrt.Data.Demo;

/// <summary>
/// Seeds «Demo Assistanse AS»: 2 offices, 3 municipalities, 10 arrangements from 10 h/week to 24/7
/// with 2:1 staffing, about 60 assistants (permanent and on call, some in two or three arrangements,
/// one with hours for another employer), work leaders, a co-work leader for a child, a deputy, a case
/// worker per municipality and an auditor. Deterministic, fictitious Norwegian names; no real persons.
/// </summary>
public sealed class DemoSeeder(SelvstyrtDb db, IPasswordHasher<AppUser> hasher)
{
    public const string ProviderName = "Demo Assistanse AS";
    public static readonly Guid ProviderId = DemoIds.For("provider");

    private static readonly string[] FirstNames =
    [
        "Ingrid", "Ole", "Nora", "Jonas", "Emma", "Lars", "Sofie", "Magnus", "Ida", "Henrik", "Maja", "Sindre", "Thea",
        "Eirik", "Hanne", "Kristian", "Marte", "Anders", "Silje", "Håkon", "Line", "Fredrik", "Tone", "Øyvind", "Åse",
        "Petter", "Live", "Tobias", "Synnøve", "Vegard", "Mari", "Sander", "Hedda", "Torbjørn", "Kaja", "Aksel",
    ];

    private static readonly string[] LastNames =
    [
        "Haugen", "Berg", "Dahl", "Lie", "Strand", "Moen", "Bakken", "Nygård", "Solberg", "Aas", "Lund", "Eide", "Holm",
        "Våge", "Fjeld", "Brekke", "Sæther", "Rønning", "Lunde", "Myhre", "Vik", "Hovland", "Tveit",
    ];

    private sealed record ArrangementSpec(int No, string Office, string Municipality, string Recipient, int BirthYear, decimal Hours, DecisionPurposes Purposes, EmployerModel Employer, int Assistants, LocalDate? DecisionEnds);

    private static readonly ArrangementSpec[] Arrangements =
    [
        new(1, "ost", "0301", "Liv Haugland", 1988, 10m, DecisionPurposes.HelpOutsideHome, EmployerModel.Provider, 2, new LocalDate(2027, 6, 30)),
        new(2, "ost", "0301", "Bjørn Kvamme", 1975, 25m, DecisionPurposes.PersonalHelpAtHome | DecisionPurposes.HelpOutsideHome, EmployerModel.Provider, 3, new LocalDate(2027, 1, 15)),
        new(3, "ost", "0301", "Randi Østby", 1969, 37.5m, DecisionPurposes.PersonalHelpAtHome | DecisionPurposes.HelpOutsideHome, EmployerModel.Recipient, 3, null),
        new(4, "ost", "3201", "Kjetil Sandvold", 1992, 40m, DecisionPurposes.PersonalHelpAtHome | DecisionPurposes.HelpOutsideHome, EmployerModel.Provider, 3, new LocalDate(2027, 12, 31)),
        new(5, "ost", "3201", "Ella Brattli", 2017, 60m, DecisionPurposes.PersonalHelpAtHome | DecisionPurposes.HelpOutsideHome | DecisionPurposes.Other, EmployerModel.Provider, 4, new LocalDate(2027, 7, 31)),
        new(6, "vest", "4601", "Gunnar Hope", 1981, 84m, DecisionPurposes.PersonalHelpAtHome | DecisionPurposes.HelpOutsideHome, EmployerModel.Provider, 5, new LocalDate(2028, 3, 31)),
        new(7, "vest", "4601", "Solveig Rasmussen", 1979, 112m, DecisionPurposes.PersonalHelpAtHome | DecisionPurposes.HelpOutsideHome | DecisionPurposes.SleepingNight, EmployerModel.Municipality, 6, new LocalDate(2027, 9, 30)),
        new(8, "ost", "0301", "Tor Einar Lien", 1985, 168m, DecisionPurposes.PersonalHelpAtHome | DecisionPurposes.HelpOutsideHome | DecisionPurposes.AwakeNight, EmployerModel.Provider, 8, new LocalDate(2027, 12, 31)),
        new(9, "vest", "4601", "Marit Skogly", 1990, 168m, DecisionPurposes.PersonalHelpAtHome | DecisionPurposes.HelpOutsideHome | DecisionPurposes.AwakeNight, EmployerModel.Provider, 8, new LocalDate(2028, 6, 30)),
        new(10, "ost", "0301", "Even Tangen", 1983, 336m, DecisionPurposes.PersonalHelpAtHome | DecisionPurposes.HelpOutsideHome | DecisionPurposes.TwoToOne | DecisionPurposes.AwakeNight, EmployerModel.Provider, 16, new LocalDate(2027, 12, 31)),
    ];

    /// <summary>The assistant with the demo login: the first one placed in the 24/7 2:1 arrangement.</summary>
    public const int DemoAssistantIndex = 42;

    /// <summary>The colleague in the 24/7 arrangement who signs in as <see cref="DemoLogins.Substitute"/>.</summary>
    public const int DemoSubstituteIndex = 48;

    private static readonly decimal[] PositionSizes = [100m, 80m, 60m, 50m, 40m, 20m];

    private string? _passwordHash;

    /// <summary>
    /// Seeds the demo provider unless it is there already. Returns true when it seeded. A <paramref name="scale"/> above 1
    /// (the setting <c>Demo:Scale</c>, issue 21's P4) adds that many copies less one of the demo's arrangements and assistants to
    /// the same provider and offices, each with recipients, work leaders, decisions, plans, competences and hiring records of its
    /// own, and gives every arrangement settled time sheets for January to October 2026, so the provider has a year of history.
    /// </summary>
    public async Task<bool> SeedAsync(int scale = 1, CancellationToken ct = default)
    {
        if (await db.Providers.AnyAsync(p => p.Id == ProviderId, ct)) return false;

        var provider = Ok(Provider.Create(ProviderId, ProviderName, "912345688"));
        Ok(provider.SetPayroll("virke-bpa", Provider.DefaultTimeSheetDeadlineDay, null));
        db.Providers.Add(provider);
        var offices = new Dictionary<string, Office>
        {
            ["ost"] = Office.Create(DemoIds.For("office:ost"), ProviderId, "Kontor Øst (Oslo og Akershus)", "Region Øst"),
            ["vest"] = Office.Create(DemoIds.For("office:vest"), ProviderId, "Kontor Vest (Bergen)", "Region Vest"),
        };
        db.Offices.AddRange(offices.Values);

        var municipalities = await EnsureMunicipalitiesAsync(ct);

        User(DemoLogins.ProviderAdmin, "Mona Sandvik");
        Grant(DemoLogins.ProviderAdmin, ProviderRole.ProviderAdmin, null, null);
        User(DemoLogins.CoordinatorEast, "Jon Aasen");
        Grant(DemoLogins.CoordinatorEast, ProviderRole.OfficeCoordinator, offices["ost"].Id, null);
        User(DemoLogins.CoordinatorWest, "Kari Grønli");
        Grant(DemoLogins.CoordinatorWest, ProviderRole.OfficeCoordinator, offices["vest"].Id, null);
        User(DemoLogins.CaseWorkerOslo, "Nils Fossum");
        Grant(DemoLogins.CaseWorkerOslo, ProviderRole.CaseWorker, null, municipalities["0301"].Id);
        User(DemoLogins.CaseWorkerBaerum, "Hilde Engen");
        Grant(DemoLogins.CaseWorkerBaerum, ProviderRole.CaseWorker, null, municipalities["3201"].Id);
        User(DemoLogins.CaseWorkerBergen, "Arne Kleppe");
        Grant(DemoLogins.CaseWorkerBergen, ProviderRole.CaseWorker, null, municipalities["4601"].Id);
        User(DemoLogins.Auditor, "Berit Revheim");
        Grant(DemoLogins.Auditor, ProviderRole.Auditor, null, null);
        User(DemoLogins.UnionRepresentative, "Tore Lunde");
        Grant(DemoLogins.UnionRepresentative, ProviderRole.UnionRepresentative, null, null);

        // The awake night requires transfers and night training: everyone with a place in a round-the-clock arrangement has both.
        var lifting = Ok(CompetenceKind.Create(DemoIds.For("competence:forflytning"), ProviderId, "Forflytning", null));
        var nights = Ok(CompetenceKind.Create(DemoIds.For("competence:natt"), ProviderId, "Nattevakt-opplæring", 36));
        var ventilator = Ok(CompetenceKind.Create(DemoIds.For("competence:respirator"), ProviderId, DemoCompetences.Ventilator, 12));
        db.CompetenceKinds.AddRange(lifting, nights, ventilator);

        var (assistants, arrangements, plans) = SeedCopy(0, provider, offices, municipalities, [lifting, nights]);

        // The demo assistant login works in the 24/7 2:1 arrangement and also in the 24/7 1:1 one.
        var demoAssistant = assistants[DemoAssistantIndex].Id;
        Ok(arrangements[8].Assign(DemoIds.For("assignment:8:demo-assistant"), demoAssistant, new LocalDate(2025, 6, 1), null));

        // A former assistant: the assignment in arrangement 2 ended; access must end with it.
        var former = Ok(Assistant.Create(DemoIds.For("assistant:former"), ProviderId, offices["ost"].Id, "Frida Lervik", null, null,
            new LocalDate(1999, 4, 12), User(DemoLogins.FormerAssistant, "Frida Lervik").Id));
        Ok(former.AddEmployment(DemoIds.For("employment:former"), EmploymentKind.OnCall, 0m, new LocalDate(2024, 2, 1), new LocalDate(2025, 6, 30), new LocalDate(2024, 2, 1)));
        db.Assistants.Add(former);
        Ok(arrangements[2].Assign(DemoIds.For("assignment:2:former"), former.Id, new LocalDate(2024, 3, 1), new LocalDate(2025, 6, 30)));

        // October's time sheets of the 24/7 2:1 arrangement, at every step from draft to attested.
        var leader = _users[DemoLogins.WorkLeader];
        var admin = _users[DemoLogins.ProviderAdmin];
        db.TimeSheets.AddRange(DemoTimeSheets.For(plans[10], ProviderId, arrangements[10].Id, Staff(10, arrangements[10], assistants), (leader.Id, leader.DisplayName), (admin.Id, admin.DisplayName)));
        db.WorkPlans.Add(DemoPlans.SummerTripDraft(arrangements[4].Id, Staff(4, arrangements[4], assistants)[0].Id));
        foreach (var agreement in DemoAgreements.For(ProviderId, arrangements[DemoPlans.DognvaktArrangement].Id, arrangements[6].Assignments.First(s => s.To is null).AssistantId))
        {
            db.Agreements.Add(agreement);
            db.AgreementVersions.AddRange(agreement.Versions);
        }
        // Even's arrangement is recruiting (issue 19, part 1): one applicant interviewed with a reference checked, one just in.
        var posting = DemoRecruitment.For(ProviderId, arrangements[10].Id);
        db.JobPostings.Add(posting);
        db.Applicants.AddRange(posting.Applicants);
        // Last year's appraisal talk with the demo assistant, accepted by both, and this year's planned (issue 19, part 4).
        var talker = assistants.First(a => a.Id == DemoIds.For("assistant:42"));
        db.Talks.AddRange(DemoTalks.For(arrangements[10].Id, talker.Id, _users[DemoLogins.WorkLeader].DisplayName, talker.FullName));
        // Two years of incidents across both offices (issue 20, part 1).
        static DemoIncidents.Person Who(AppUser u) => new(u.Id, u.DisplayName);
        db.Incidents.AddRange(DemoIncidents.For(ProviderId, arrangements.ToDictionary(a => a.Key, a => (a.Value.Id, a.Value.OfficeId, a.Value.OfficeId == offices["ost"].Id)),
            new DemoIncidents.Person(_users[DemoLogins.Assistant].Id, talker.FullName), Who(_users[DemoLogins.WorkLeader]), Who(_users[DemoLogins.CoordinatorEast]),
            Who(_users[DemoLogins.CoordinatorWest]), DateTimeZoneProviders.Tzdb["Europe/Oslo"]));
        // Risk analyses at all three levels, last year's and this year's (issue 20, part 3).
        db.RiskAnalyses.AddRange(DemoRisks.For(ProviderId, offices["ost"].Id, arrangements[10].Id, _users[DemoLogins.ProviderAdmin].DisplayName,
            _users[DemoLogins.CoordinatorEast].DisplayName, _users[DemoLogins.WorkLeader].DisplayName));
        // Two years of surveys and this year's open HMS survey, waiting for the demo assistant and the substitute (issue 20, part 4).
        var surveys = DemoSurveys.For(ProviderId, offices["ost"].Id, offices["vest"].Id, [_users[DemoLogins.Assistant].Id, _users[DemoLogins.Substitute].Id],
            _users[DemoLogins.ProviderAdmin].DisplayName);
        db.Surveys.AddRange(surveys.Surveys);
        db.SurveyResponses.AddRange(surveys.Responses);
        db.SurveyInvitations.AddRange(surveys.Invitations);
        // The Transparency Act: suppliers assessed in 2025 and 2026, requests, and the 2025 statement the board approved (issue 20, part 7).
        var transparency = DemoTransparency.For(ProviderId, _users[DemoLogins.ProviderAdmin].DisplayName);
        db.Suppliers.AddRange(transparency.Suppliers);
        db.InformationRequests.AddRange(transparency.Requests);
        db.TransparencyStatements.AddRange(transparency.Statements);
        // HMS, internal control and the annual wheel (issue 20, parts 2, 5 and 6).
        var hms = DemoHms.For(ProviderId, offices["ost"].Id, arrangements[10].Id, DemoIds.For("survey:work:2026"), _users[DemoLogins.ProviderAdmin].DisplayName,
            _users[DemoLogins.CoordinatorEast].DisplayName, _users[DemoLogins.WorkLeader].DisplayName, _users[DemoLogins.Assistant].Id, _users[DemoLogins.Substitute].Id);
        db.HandbookDocuments.AddRange(hms.Documents);
        db.ReadConfirmations.AddRange(hms.Confirmations);
        db.WorkplaceMappings.Add(hms.Mapping);
        db.PlanMeasures.Add(hms.Measure);
        db.Audits.AddRange(hms.Audits);
        db.WheelTasks.AddRange(DemoHms.Wheel(arrangements.Values.Select(a => (a.Id, a.OfficeId, a.StartDate, a.EndDate)), ProviderId,
            _users[DemoLogins.WorkLeader].DisplayName, arrangements[10].Id));
        foreach (var entry in DemoPlans.UnusedHours(arrangements[10].Id)) db.UnusedHours.Add(entry);
        foreach (var contract in DemoContracts.For(ProviderId, municipalities)) db.MunicipalityContracts.Add(contract);
        if (scale > 1)
        {
            // The 24/7 2:1 arrangement keeps its October at every step, above.
            AddSettledMonths(arrangements.Where(a => a.Key != 10), plans, assistants, new LocalDate(2026, 10, 1));
            AddSettledMonths(arrangements.Where(a => a.Key == 10), plans, assistants, new LocalDate(2026, 9, 1));
        }

        await db.SaveChangesAsync(ct);
        for (var copy = 1; copy < scale; copy++)
        {
            db.ChangeTracker.Clear();
            var (more, moreArrangements, morePlans) = SeedCopy(copy, provider, offices, municipalities, [lifting, nights]);
            db.WheelTasks.AddRange(DemoHms.Wheel(moreArrangements.Values.Select(a => (a.Id, a.OfficeId, a.StartDate, a.EndDate)), ProviderId,
                _users[DemoLogins.WorkLeader].DisplayName, Guid.Empty));
            AddSettledMonths(moreArrangements, morePlans, more, new LocalDate(2026, 10, 1));
            await db.SaveChangesAsync(ct);
        }
        return true;
    }

    /// <summary>
    /// The demo's sixty assistants and ten arrangements (<paramref name="copy"/> 0), or a copy of them: assistants with their
    /// employment and hiring records, arrangements with their leaders, decisions and placements, on-call substitutes in two
    /// or three arrangements of their office, a published plan and shift templates each, and the competences round-the-clock
    /// work requires.
    /// </summary>
    private (List<Assistant> Assistants, Dictionary<int, Arrangement> Arrangements, Dictionary<int, WorkPlan> Plans) SeedCopy(int copy, Provider provider,
        Dictionary<string, Office> offices, Dictionary<string, Municipality> municipalities, CompetenceKind[] roundTheClock)
    {
        var scope = Scope(copy);
        var assistants = CreateAssistants(offices, copy);
        var cursor = 0;
        var arrangements = new Dictionary<int, Arrangement>();
        foreach (var spec in Arrangements)
            arrangements[spec.No] = CreateArrangement(spec, copy, municipalities[spec.Municipality], offices[spec.Office], assistants, ref cursor);

        // On-call substitutes cover several arrangements of their office; some permanent staff work in two.
        var onCall = assistants.Where(a => a.Employments[0].Kind == EmploymentKind.OnCall).ToList();
        for (var i = 0; i < onCall.Count; i++)
        {
            var office = onCall[i].OfficeId;
            var targets = arrangements.Values.Where(a => a.OfficeId == office && a.Assignments.All(s => s.AssistantId != onCall[i].Id)).Skip(i % 3).Take(2 + (i % 2));
            foreach (var target in targets)
                Ok(target.Assign(DemoIds.For($"assignment:{target.Id}:{onCall[i].Id}"), onCall[i].Id, new LocalDate(2025, 3, 1), null));
        }

        var plans = new Dictionary<int, WorkPlan>();
        foreach (var spec in Arrangements)
        {
            var arrangement = arrangements[spec.No];
            var staff = arrangement.Assignments.Where(s => s.To is null).Select(s => s.AssistantId).Take(spec.Assistants).ToList();
            plans[spec.No] = DemoPlans.For(spec.No, arrangement.Id, spec.Hours, staff, scope);
            db.WorkPlans.Add(plans[spec.No]);
            db.ShiftTemplates.AddRange(DemoPlans.Templates(spec.No, arrangement.Id, spec.Hours, scope));
        }
        var trained = Arrangements.Where(x => x.Hours >= 168m)
            .SelectMany(x => arrangements[x.No].Assignments.Where(s => s.To is null).Select(s => s.AssistantId)).Distinct().ToList();
        foreach (var id in trained)
            foreach (var kind in roundTheClock)
                db.AssistantCompetences.Add(Ok(AssistantCompetence.Record(DemoIds.For($"competence:{kind.Name}:{id}"), id, kind, new LocalDate(2025, 6, 1), "Opplæring i ordningen", null, new LocalDate(2025, 6, 1))));
        // Everyone employed was hired before Selvstyrt: the police certificate shown two weeks before the start, the
        // confidentiality declaration and the contract signed on paper on the first day (issue 19, part 2).
        // (The former assistant's records went when the employment ended.)
        var hr = _users[DemoLogins.ProviderAdmin];
        var recordedOn = new LocalDate(2025, 1, 2);
        var recordedAt = NodaTime.Instant.FromUtc(2025, 1, 2, 8, 0);
        foreach (var a in assistants)
        {
            var employment = a.Employments[0];
            db.PoliceCertificates.Add(Ok(PoliceCertificate.Record(DemoIds.For($"police:{a.Id}"), a.Id, employment, employment.Start.PlusDays(-14), false, null, hr.Id, recordedAt, recordedOn)));
            db.ConfidentialityDeclarations.Add(Ok(ConfidentialityDeclaration.OnPaperSigned(DemoIds.For($"declaration:{a.Id}"), a.Id, employment.Start, hr.Id, recordedOn)));
            db.EmploymentContracts.Add(Ok(EmploymentContract.SignedOnPaper(DemoIds.For($"contract:{a.Id}"), a.Id, employment, employment.Start,
                ContractDraft.Terms(provider, a, employment), hr.Id, hr.DisplayName, recordedAt, recordedOn, null)));
        }
        return (assistants, arrangements, plans);
    }

    /// <summary>Every arrangement's sheets from January 2026 to <paramref name="last"/>: submitted, approved by its leader and attested.</summary>
    private void AddSettledMonths(IEnumerable<KeyValuePair<int, Arrangement>> arrangements, Dictionary<int, WorkPlan> plans, List<Assistant> assistants, LocalDate last)
    {
        var admin = _users[DemoLogins.ProviderAdmin];
        foreach (var (no, arrangement) in arrangements)
        {
            var leaderId = arrangement.Roles.First(r => r.Kind is ArrangementRoleKind.WorkLeader or ArrangementRoleKind.CoWorkLeader).UserId;
            var leader = _users.Values.First(u => u.Id == leaderId);
            var staff = Staff(no, arrangement, assistants);
            for (var month = new LocalDate(2026, 1, 1); month <= last; month = month.PlusMonths(1))
                db.TimeSheets.AddRange(DemoTimeSheets.Month(plans[no], ProviderId, arrangement.Id, staff, (leader.Id, leader.DisplayName), (admin.Id, admin.DisplayName), month, settled: true));
        }
    }

    /// <summary>The assistants the arrangement's plan rotates (its first placements), with their names.</summary>
    private static List<(Guid Id, string Name)> Staff(int no, Arrangement arrangement, List<Assistant> assistants)
        => [.. arrangement.Assignments.Where(s => s.To is null).Take(Arrangements.Single(x => x.No == no).Assistants)
            .Select(s => (s.AssistantId, assistants.Single(a => a.Id == s.AssistantId).FullName))];

    /// <summary>
    /// One arrangement of the spec with its recipient, work leaders, decisions and their letters, and its assistants placed.
    /// The demo itself has <paramref name="copy"/> 0; a copy of a scaled demo gets ids, a recipient and work leaders of its own.
    /// </summary>
    private Arrangement CreateArrangement(ArrangementSpec spec, int copy, Municipality municipality, Office office, List<Assistant> assistants, ref int cursor)
    {
        var scope = Scope(copy);
        var since = new LocalDate(2024, 1, 1);
        var name = copy == 0 ? spec.Recipient : $"{FirstNames[(spec.No * 11 + copy * 5) % FirstNames.Length]} {LastNames[(spec.No * 3 + copy * 7) % LastNames.Length]}";
        var isChild = spec.BirthYear > 2008;
        var leaderEmail = copy == 0 ? spec.No == 10 ? DemoLogins.WorkLeader : $"arbeidsleder{spec.No}@demo.no" : $"arbeidsleder{spec.No}.{copy}@demo.no";
        var recipientUser = isChild ? (Guid?)null : User(leaderEmail, name).Id;
        var recipient = Recipient.Create(DemoIds.For($"{scope}recipient:{spec.No}"), ProviderId, name,
            new LocalDate(spec.BirthYear, 1 + (spec.No * 5 % 12), 1 + ((spec.No * 7 + copy) % 27)), municipality.Id, recipientUser);
        db.Recipients.Add(recipient);
        var arrangement = Ok(Arrangement.Create(DemoIds.For($"{scope}arrangement:{spec.No}"), ProviderId, office.Id, municipality.Id,
            recipient.Id, $"Ordningen til {name.Split(' ')[0]}", spec.Employer, since.PlusMonths(spec.No)));
        db.Arrangements.Add(arrangement);
        if (isChild)
        {
            var parents = copy == 0 ? (DemoLogins.CoWorkLeader, DemoLogins.Deputy) : ($"medarbeidsleder.{copy}@demo.no", $"stedfortreder.{copy}@demo.no");
            var family = name.Split(' ')[^1];
            Ok(arrangement.GrantRole(DemoIds.For($"{scope}role:{spec.No}:co"), User(parents.Item1, $"Camilla {family}").Id, ArrangementRoleKind.CoWorkLeader, since, null));
            Ok(arrangement.GrantRole(DemoIds.For($"{scope}role:{spec.No}:deputy"), User(parents.Item2, $"Stian {family}").Id, ArrangementRoleKind.Deputy, since, null));
        }
        else
        {
            Ok(arrangement.GrantRole(DemoIds.For($"{scope}role:{spec.No}:wl"), recipientUser!.Value, ArrangementRoleKind.WorkLeader, since, null));
        }
        foreach (var decision in DemoDecisions.For(spec.No, arrangement.Id, spec.Hours, spec.Purposes, spec.DecisionEnds, scope))
        {
            db.Decisions.Add(decision);
            var letter = Ok(DecisionDocument.Create(DemoIds.For($"letter:{decision.Id}"), decision.Id, $"vedtak-{decision.CaseNumber.Replace('/', '-')}.pdf",
                DemoLetters.Letter(municipality.Name, decision.CaseNumber, name, decision.HoursPerWeek.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("nb-NO")),
                    $"{decision.ValidFrom:dd.MM.yyyy} - {(decision.ValidTo is { } end ? end.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture) : "uten sluttdato")}"),
                NodaTime.Instant.FromUtc(2025, 1, 2, 8, 0)));
            db.DecisionDocuments.Add(letter);
            decision.AttachDocument(letter.Id, letter.FileName);
        }
        for (var i = 0; i < spec.Assistants; i++)
        {
            var assistant = assistants[cursor++ % assistants.Count];
            Ok(arrangement.Assign(DemoIds.For($"assignment:{spec.No}:{assistant.Id}"), assistant.Id, arrangement.StartDate, null));
        }
        return arrangement;
    }

    /// <summary>The key prefix of a copy of the demo: none for the demo itself.</summary>
    private static string Scope(int copy) => copy == 0 ? "" : $"x{copy}:";

    private List<Assistant> CreateAssistants(Dictionary<string, Office> offices, int copy)
    {
        var scope = Scope(copy);
        var list = new List<Assistant>();
        for (var i = 0; i < 60; i++)
        {
            var first = FirstNames[i * 7 % FirstNames.Length];
            var last = LastNames[i * 5 % LastNames.Length];
            var name = $"{first} {last}";
            var office = i % 3 == 2 ? offices["vest"] : offices["ost"];
            var login = copy > 0 ? null : i switch { DemoAssistantIndex => DemoLogins.Assistant, DemoSubstituteIndex => DemoLogins.Substitute, _ => null };
            Guid? userId = login is null ? null : User(login, name).Id;
            var email = login ?? $"{Slug(first)}.{Slug(last)}{i}{(copy == 0 ? "" : $".{copy}")}@eksempel.no";
            var assistant = Ok(Assistant.Create(DemoIds.For($"{scope}assistant:{i}"), ProviderId, office.Id, name, email,
                $"4{(i * 7919 % 10_000_000):0000000}", new LocalDate(1965 + (i * 3 % 38), 1 + (i % 12), 1 + (i % 28)), userId));
            var onCall = i % 6 == 5;
            var start = new LocalDate(2018 + (i % 7), 1 + (i * 5 % 12), 1);
            Ok(assistant.AddEmployment(DemoIds.For($"{scope}employment:{i}"), onCall ? EmploymentKind.OnCall : EmploymentKind.Permanent,
                onCall ? 0m : PositionSizes[i % 6], start, null, start.PlusYears(-(i % 4))));
            // Hourly wages at or above Virke's minimum at nine years' seniority for rota work (226.89 at 37.5 h is 239.67 at 35.5 h).
            Ok(assistant.Employments[0].SetHourlyWage(242m + (i % 5 * 3m)));
            Ok(assistant.SetEmployeeNumber((1001 + i + (copy * 1000)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (i == 3)
                assistant.DeclareOtherEmployerHours(DemoIds.For($"{scope}other-employer:3"), "Vestre Aker sykehjem", 12m, new LocalDate(2025, 1, 1), null);
            db.Assistants.Add(assistant);
            list.Add(assistant);
        }
        return list;
    }

    private async Task<Dictionary<string, Municipality>> EnsureMunicipalitiesAsync(CancellationToken ct)
    {
        var wanted = new (string Number, string Name)[] { ("0301", "Oslo"), ("3201", "Bærum"), ("4601", "Bergen") };
        var existing = await db.Municipalities.ToDictionaryAsync(m => m.Number, ct);
        foreach (var (number, name) in wanted)
        {
            if (existing.ContainsKey(number)) continue;
            var m = Municipality.Create(DemoIds.For($"municipality:{number}"), number, name);
            db.Municipalities.Add(m);
            existing[number] = m;
        }
        return existing;
    }

    private readonly Dictionary<string, AppUser> _users = new(StringComparer.Ordinal);

    private AppUser User(string email, string displayName)
    {
        if (_users.TryGetValue(email, out var known)) return known;
        var user = new AppUser
        {
            Id = DemoIds.For("user:" + email),
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            DisplayName = displayName,
            LockoutEnabled = true,
            SecurityStamp = DemoIds.For("stamp:" + email).ToString("N"),
            ConcurrencyStamp = DemoIds.For("concurrency:" + email).ToString(),
        };
        // One hash for all demo accounts: they share the published demo password, and hashing each at
        // 210,000 iterations would make every first start and every test database seconds slower.
        user.PasswordHash = _passwordHash ??= hasher.HashPassword(user, DemoLogins.Password);
        _users[email] = user;
        db.Users.Add(user);
        return user;
    }

    private void Grant(string email, ProviderRole role, Guid? officeId, Guid? municipalityId)
        => db.ProviderGrants.Add(Ok(ProviderGrant.Create(DemoIds.For($"grant:{email}:{role}"), _users[email].Id, ProviderId, role, officeId, municipalityId)));

    private static string Slug(string s) => s.ToLowerInvariant().Replace("å", "aa", StringComparison.Ordinal).Replace("ø", "o", StringComparison.Ordinal).Replace("æ", "ae", StringComparison.Ordinal);

    private static T Ok<T>(Result<T> result) => DemoData.Ok(result);
}
