using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data.Identity;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.People;

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

    /// <summary>Seeds the demo provider unless it is there already. Returns true when it seeded.</summary>
    public async Task<bool> SeedAsync(CancellationToken ct = default)
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

        var assistants = CreateAssistants(offices);
        var since = new LocalDate(2024, 1, 1);
        var cursor = 0;
        var arrangements = new Dictionary<int, Arrangement>();
        foreach (var spec in Arrangements)
        {
            var municipality = municipalities[spec.Municipality];
            var isChild = spec.BirthYear > 2008;
            var recipientUser = isChild ? (Guid?)null : User(spec.No == 10 ? DemoLogins.WorkLeader : $"arbeidsleder{spec.No}@demo.no", spec.Recipient).Id;
            var recipient = Recipient.Create(DemoIds.For($"recipient:{spec.No}"), ProviderId, spec.Recipient,
                new LocalDate(spec.BirthYear, 1 + (spec.No * 5 % 12), 1 + (spec.No * 7 % 27)), municipality.Id, recipientUser);
            db.Recipients.Add(recipient);
            var arrangement = Ok(Arrangement.Create(DemoIds.For($"arrangement:{spec.No}"), ProviderId, offices[spec.Office].Id, municipality.Id,
                recipient.Id, $"Ordningen til {spec.Recipient.Split(' ')[0]}", spec.Employer, since.PlusMonths(spec.No)));
            arrangements[spec.No] = arrangement;
            db.Arrangements.Add(arrangement);
            if (isChild)
            {
                Ok(arrangement.GrantRole(DemoIds.For($"role:{spec.No}:co"), User(DemoLogins.CoWorkLeader, "Camilla Brattli").Id, ArrangementRoleKind.CoWorkLeader, since, null));
                Ok(arrangement.GrantRole(DemoIds.For($"role:{spec.No}:deputy"), User(DemoLogins.Deputy, "Stian Brattli").Id, ArrangementRoleKind.Deputy, since, null));
            }
            else
            {
                Ok(arrangement.GrantRole(DemoIds.For($"role:{spec.No}:wl"), recipientUser!.Value, ArrangementRoleKind.WorkLeader, since, null));
            }
            foreach (var decision in DemoDecisions.For(spec.No, arrangement.Id, spec.Hours, spec.Purposes, spec.DecisionEnds))
            {
                db.Decisions.Add(decision);
                var letter = Ok(DecisionDocument.Create(DemoIds.For($"letter:{decision.Id}"), decision.Id, $"vedtak-{decision.CaseNumber.Replace('/', '-')}.pdf",
                    DemoLetters.Letter(municipality.Name, decision.CaseNumber, spec.Recipient, decision.HoursPerWeek.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("nb-NO")),
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
        }

        // On-call substitutes cover several arrangements of their office; some permanent staff work in two.
        var onCall = assistants.Where(a => a.Employments[0].Kind == EmploymentKind.OnCall).ToList();
        for (var i = 0; i < onCall.Count; i++)
        {
            var office = onCall[i].OfficeId;
            var targets = arrangements.Values.Where(a => a.OfficeId == office && a.Assignments.All(s => s.AssistantId != onCall[i].Id)).Skip(i % 3).Take(2 + (i % 2));
            foreach (var target in targets)
                Ok(target.Assign(DemoIds.For($"assignment:{target.Id}:{onCall[i].Id}"), onCall[i].Id, new LocalDate(2025, 3, 1), null));
        }

        // The demo assistant login works in the 24/7 2:1 arrangement and also in the 24/7 1:1 one.
        var demoAssistant = assistants[DemoAssistantIndex].Id;
        Ok(arrangements[8].Assign(DemoIds.For("assignment:8:demo-assistant"), demoAssistant, new LocalDate(2025, 6, 1), null));

        // A former assistant: the assignment in arrangement 2 ended; access must end with it.
        var former = Ok(Assistant.Create(DemoIds.For("assistant:former"), ProviderId, offices["ost"].Id, "Frida Lervik", null, null,
            new LocalDate(1999, 4, 12), User(DemoLogins.FormerAssistant, "Frida Lervik").Id));
        Ok(former.AddEmployment(DemoIds.For("employment:former"), EmploymentKind.OnCall, 0m, new LocalDate(2024, 2, 1), new LocalDate(2025, 6, 30), new LocalDate(2024, 2, 1)));
        db.Assistants.Add(former);
        Ok(arrangements[2].Assign(DemoIds.For("assignment:2:former"), former.Id, new LocalDate(2024, 3, 1), new LocalDate(2025, 6, 30)));

        foreach (var arrangement in arrangements.Values)
        {
            var spec = Arrangements.Single(x => arrangement.Id == DemoIds.For($"arrangement:{x.No}"));
            var staff = arrangement.Assignments.Where(s => s.To is null).Select(s => s.AssistantId).Take(spec.Assistants).ToList();
            var plan = DemoPlans.For(spec.No, arrangement.Id, spec.Hours, staff);
            db.WorkPlans.Add(plan);
            if (spec.No == 10)
            {
                var leader = _users[DemoLogins.WorkLeader];
                var admin = _users[DemoLogins.ProviderAdmin];
                db.TimeSheets.AddRange(DemoTimeSheets.For(plan, ProviderId, arrangement.Id, [.. staff.Select(id => (id, assistants.Single(a => a.Id == id).FullName))], (leader.Id, leader.DisplayName), (admin.Id, admin.DisplayName)));
            }
            db.ShiftTemplates.AddRange(DemoPlans.Templates(spec.No, arrangement.Id, spec.Hours));
            if (spec.No == 4) db.WorkPlans.Add(DemoPlans.SummerTripDraft(arrangement.Id, staff[0]));
        }
        // The awake night requires transfers and night training: everyone with a place in a round-the-clock arrangement has both.
        var lifting = Ok(CompetenceKind.Create(DemoIds.For("competence:forflytning"), ProviderId, "Forflytning", null));
        var nights = Ok(CompetenceKind.Create(DemoIds.For("competence:natt"), ProviderId, "Nattevakt-opplæring", 36));
        var ventilator = Ok(CompetenceKind.Create(DemoIds.For("competence:respirator"), ProviderId, DemoCompetences.Ventilator, 12));
        db.CompetenceKinds.AddRange(lifting, nights, ventilator);
        var trained = arrangements.Values.Where(a => Arrangements.Single(x => a.Id == DemoIds.For($"arrangement:{x.No}")).Hours >= 168m)
            .SelectMany(a => a.Assignments.Where(s => s.To is null).Select(s => s.AssistantId)).Distinct().ToList();
        foreach (var id in trained)
            foreach (var kind in new[] { lifting, nights })
                db.AssistantCompetences.Add(Ok(AssistantCompetence.Record(DemoIds.For($"competence:{kind.Name}:{id}"), id, kind, new LocalDate(2025, 6, 1), "Opplæring i ordningen", null, new LocalDate(2025, 6, 1))));
        foreach (var agreement in DemoAgreements.For(ProviderId, arrangements[DemoPlans.DognvaktArrangement].Id, arrangements[6].Assignments.First(s => s.To is null).AssistantId))
        {
            db.Agreements.Add(agreement);
            db.AgreementVersions.AddRange(agreement.Versions);
        }
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

        await db.SaveChangesAsync(ct);
        return true;
    }

    private List<Assistant> CreateAssistants(Dictionary<string, Office> offices)
    {
        var list = new List<Assistant>();
        for (var i = 0; i < 60; i++)
        {
            var first = FirstNames[i * 7 % FirstNames.Length];
            var last = LastNames[i * 5 % LastNames.Length];
            var name = $"{first} {last}";
            var office = i % 3 == 2 ? offices["vest"] : offices["ost"];
            var login = i switch { DemoAssistantIndex => DemoLogins.Assistant, DemoSubstituteIndex => DemoLogins.Substitute, _ => null };
            Guid? userId = login is null ? null : User(login, name).Id;
            var email = login ?? $"{Slug(first)}.{Slug(last)}{i}@eksempel.no";
            var assistant = Ok(Assistant.Create(DemoIds.For($"assistant:{i}"), ProviderId, office.Id, name, email,
                $"4{(i * 7919 % 10_000_000):0000000}", new LocalDate(1965 + (i * 3 % 38), 1 + (i % 12), 1 + (i % 28)), userId));
            var onCall = i % 6 == 5;
            var start = new LocalDate(2018 + (i % 7), 1 + (i * 5 % 12), 1);
            Ok(assistant.AddEmployment(DemoIds.For($"employment:{i}"), onCall ? EmploymentKind.OnCall : EmploymentKind.Permanent,
                onCall ? 0m : PositionSizes[i % 6], start, null, start.PlusYears(-(i % 4))));
            // Hourly wages at or above Virke's minimum at nine years' seniority for rota work (226.89 at 37.5 h is 239.67 at 35.5 h).
            Ok(assistant.Employments[0].SetHourlyWage(242m + (i % 5 * 3m)));
            Ok(assistant.SetEmployeeNumber((1001 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (i == 3)
                assistant.DeclareOtherEmployerHours(DemoIds.For("other-employer:3"), "Vestre Aker sykehjem", 12m, new LocalDate(2025, 1, 1), null);
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
