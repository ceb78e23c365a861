using NodaTime;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Quality;
using Shouldly;
using Xunit;

namespace Selvstyrt.Domain.Tests.Quality;

/// <summary>
/// Surveys (issue 20, part 4): the anonymity threshold (4 answers show nothing, 5 do), a work-environment question under 5
/// calling for a measure, last year's beside this year's, an answer checked question by question, and a stored answer that
/// carries nothing to tell whose it is.
/// </summary>
public sealed class SurveyTests
{
    private static readonly LocalDate Today = new(2026, 11, 23);

    private static Survey Sent(SurveyKind kind = SurveyKind.WorkEnvironment, int year = 2026)
    {
        var survey = Survey.Create(Guid.NewGuid(), Guid.NewGuid(), kind, year, Today.PlusDays(14), Today, null).Value!;
        survey.Send("Admin", Instant.FromUtc(2026, 11, 23, 9, 0), Today).IsSuccess.ShouldBeTrue();
        return survey;
    }

    private static List<SurveyResponse> Answers(Survey survey, params int[] scores)
        => [.. scores.Select(s => SurveyResponse.Create(survey.Id, Guid.Empty, survey.Check(survey.Questions.ToDictionary(q => q.Key, _ => (int?)s), Today).Value!))];

    [Fact]
    public void FourAnswers_ShowNothing_FiveShowTheAverages()
    {
        var survey = Sent();
        var four = SurveyResults.For("Kontor Øst", survey, Answers(survey, 6, 5, 4, 5), null);
        four.Withheld.ShouldBeTrue();
        four.Questions.ShouldBeEmpty();
        var five = SurveyResults.For("Kontor Øst", survey, Answers(survey, 6, 5, 4, 5, 5), null);
        five.Withheld.ShouldBeFalse();
        five.Questions[0].Average.ShouldBe(5.0m);
    }

    [Fact]
    public void AWorkEnvironmentQuestionBelowFive_CallsForAMeasure_ButNotInTheUsersSurvey()
    {
        var work = Sent();
        SurveyResults.For("X", work, Answers(work, 5, 5, 5, 4, 5), null).Questions.ShouldAllBe(q => q.MeasureRequired && q.Average == 4.8m);
        SurveyResults.For("X", work, Answers(work, 5, 5, 5, 5, 5), null).Questions.ShouldAllBe(q => !q.MeasureRequired);
        var users = Sent(SurveyKind.UserSatisfaction);
        SurveyResults.For("X", users, Answers(users, 3, 3, 3, 3, 3), null).Questions.ShouldAllBe(q => !q.MeasureRequired);
        users.Questions[0].Key.ShouldBe("anbefale");
    }

    [Fact]
    public void LastYear_StandsBeside_ThisYear_OnlyWhenLastYearHadEnoughAnswers()
    {
        var last = Sent(year: 2025);
        var now = Sent();
        SurveyResults.For("X", now, Answers(now, 5, 5, 5, 5, 5), Answers(last, 4, 4, 4, 4, 4)).Questions[0].LastYear.ShouldBe(4.0m);
        SurveyResults.For("X", now, Answers(now, 5, 5, 5, 5, 5), Answers(last, 4, 4, 4, 4)).Questions[0].LastYear.ShouldBeNull();
    }

    [Fact]
    public void AnAnswer_ScoresEveryQuestionFrom1To6_OnlyWhileTheSurveyIsOpen()
    {
        var survey = Sent();
        var scores = survey.Questions.ToDictionary(q => q.Key, _ => (int?)4);
        scores["trivsel"] = 7;
        scores.Remove("samarbeid");
        scores["ukjent"] = 3;
        var fields = survey.Check(scores, Today).Error.ShouldBeOfType<Invalid>().Fields;
        fields["scores.trivsel"].ShouldStartWith("Svar fra 1 til 6");
        fields["scores.samarbeid"].ShouldStartWith("Svar fra 1 til 6");
        fields["scores.ukjent"].ShouldBe("Ukjent spørsmål.");
        var all = survey.Questions.ToDictionary(q => q.Key, _ => (int?)4);
        survey.Check(all, survey.ClosesOn.PlusDays(1)).Error.ShouldBeOfType<Conflict>();
        var draft = Survey.Create(Guid.NewGuid(), Guid.NewGuid(), SurveyKind.Hms, 2026, Today.PlusDays(3), Today, null).Value!;
        draft.Check(draft.Questions.ToDictionary(q => q.Key, _ => (int?)4), Today).Error.ShouldBeOfType<Conflict>("not sent yet");
    }

    [Fact]
    public void AStoredAnswer_HasNoPersonNoTimeAndARandomId()
    {
        var properties = typeof(SurveyResponse).GetProperties().Select(p => (p.Name, p.PropertyType)).ToList();
        properties.Select(p => p.Name).ShouldBe(["Id", "SurveyId", "OfficeId", "Scores"], ignoreOrder: true);
        properties.ShouldNotContain(p => p.PropertyType == typeof(Instant) || p.PropertyType == typeof(Instant?));
        var survey = Sent();
        var a = Answers(survey, 5, 5);
        a[0].Id.Version.ShouldBe(4, "a random id: no time order between answers");
        var invitation = SurveyInvitation.Create(Guid.NewGuid(), survey.Id, Guid.NewGuid(), Guid.NewGuid());
        invitation.MarkAnswered().IsSuccess.ShouldBeTrue();
        invitation.MarkAnswered().Error.ShouldBeOfType<Conflict>();
    }

    [Fact]
    public void ASurvey_NamesWrongFields_AndIsSentOnce()
    {
        var fields = Survey.Create(Guid.NewGuid(), Guid.NewGuid(), null, 2030, Today.PlusDays(-1), Today, null).Error.ShouldBeOfType<Invalid>().Fields;
        fields["kind"].ShouldBe("Velg hva slags undersøkelse det er.");
        fields["year"].ShouldBe("Året må være mellom 2025 og 2027.");
        fields["closesOn"].ShouldBe("Siste svardag kan ikke være passert.");
        var survey = Sent();
        survey.Send("Admin", Instant.FromUtc(2026, 11, 24, 9, 0), Today).Error.ShouldBeOfType<Conflict>();
    }
}
