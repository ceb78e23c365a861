using NodaTime;
using Selvstyrt.Domain.Quality;

namespace Selvstyrt.Data.Demo;

/// <summary>
/// The demo's surveys (issue 20, part 4): the work-environment survey of 2025 and 2026 (Kontor Vest had too few answers in 2025,
/// so its result is withheld; training scores under 5 in 2026, so it calls for a measure), the user survey of 2026, and this
/// year's HMS survey, sent on 16 November and open until 7 December, waiting for the demo assistant's and the substitute's
/// answers. Most demo assistants have no sign-in, so the earlier rounds' answers are stored as the anonymous answers they are,
/// without invitations; only the open round has invitations.
/// </summary>
public static class DemoSurveys
{
    public sealed record Data(IReadOnlyList<Survey> Surveys, IReadOnlyList<SurveyResponse> Responses, IReadOnlyList<SurveyInvitation> Invitations);

    public static Data For(Guid providerId, Guid east, Guid west, IReadOnlyList<Guid> askedNow, string admin)
    {
        ArgumentNullException.ThrowIfNull(askedNow);
        var surveys = new List<Survey>();
        var responses = new List<SurveyResponse>();
        var invitations = new List<SurveyInvitation>();

        Survey Round(string key, SurveyKind kind, int year, LocalDate sent, LocalDate closes)
        {
            var survey = DemoData.Ok(Survey.Create(DemoIds.For($"survey:{key}"), providerId, kind, year, closes, sent, null));
            DemoData.Ok(survey.Send(admin, sent.AtStartOfDayInZone(DateTimeZoneProviders.Tzdb["Europe/Oslo"]).ToInstant() + Duration.FromHours(9), sent));
            surveys.Add(survey);
            return survey;
        }

        // Scores round a base per question: most around 5, one below it, the users' around 5 too; deterministic per answer.
        void Answer(Survey survey, Guid office, int count, IReadOnlyDictionary<string, int> bases, int seed)
        {
            for (var i = 0; i < count; i++)
            {
                var scores = survey.Questions.Select((q, n) =>
                    new SurveyScore(DemoIds.For($"survey-score:{survey.Id}:{office}:{i}:{q.Key}"), q.Key,
                        Math.Clamp(bases.GetValueOrDefault(q.Key, 5) + (((i * 7) + (n * 3) + seed) % 3) - 1, 1, 6)));
                responses.Add(SurveyResponse.Create(survey.Id, office, scores));
            }
        }

        var work2025 = Round("work:2025", SurveyKind.WorkEnvironment, 2025, new LocalDate(2025, 10, 1), new LocalDate(2025, 10, 31));
        Answer(work2025, east, 24, new Dictionary<string, int> { ["arbeidsgiver"] = 4, ["opplaering"] = 4 }, 1);
        Answer(work2025, west, 4, new Dictionary<string, int>(), 2);
        var work2026 = Round("work:2026", SurveyKind.WorkEnvironment, 2026, new LocalDate(2026, 10, 1), new LocalDate(2026, 10, 30));
        Answer(work2026, east, 27, new Dictionary<string, int> { ["opplaering"] = 4, ["trivsel"] = 6 }, 0);
        Answer(work2026, west, 9, new Dictionary<string, int> { ["arbeidstid"] = 4 }, 2);
        var users2026 = Round("users:2026", SurveyKind.UserSatisfaction, 2026, new LocalDate(2026, 9, 1), new LocalDate(2026, 9, 30));
        Answer(users2026, east, 6, new Dictionary<string, int> { ["vikar"] = 4 }, 1);
        Answer(users2026, west, 3, new Dictionary<string, int>(), 0);

        var hms = Round("hms:2026", SurveyKind.Hms, 2026, new LocalDate(2026, 11, 16), new LocalDate(2026, 12, 7));
        Answer(hms, east, 7, new Dictionary<string, int> { ["belastning"] = 4 }, 2);
        invitations.AddRange(askedNow.Select(u => SurveyInvitation.Create(DemoIds.For($"survey-invitation:{hms.Id}:{u}"), hms.Id, u, east)));
        return new Data(surveys, responses, invitations);
    }
}
