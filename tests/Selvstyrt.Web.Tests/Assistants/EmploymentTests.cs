using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Domain.Users;
using Selvstyrt.Testing;
using Selvstyrt.Web.Features.Notifications;
using Selvstyrt.Web.Tests.Users;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Assistants;

/// <summary>
/// Issue 16, part 4, on both engines: an assistant's employment from hiring to the end (HR-14-9's basis for a temporary one,
/// AML § 15-6's probation limits), assignments that end with the employment, the login by invitation, contact details the
/// assistant changes, and other employers' hours the assistant declares and the employer confirms. Creates are idempotent;
/// another office's coordinator and another assistant find nothing.
/// </summary>
public sealed class EmploymentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string json, string? key = null)
        => ApiCalls.SendAsync(client, method, path, json, key, Ct);

    private static Task<JsonElement> ErrorsAsync(HttpResponseMessage response) => ApiCalls.ErrorsAsync(response, Ct);

    private static async Task<Guid> IdAsync(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

    [Theory, DatabaseData]
    public async Task Employment_FromHiringToTheEnd_WithAssignmentLoginContactAndOtherEmployers(DatabaseKind db)
    {
        await using var smtp = TestSmtpServer.Start();
        await using var factory = Hosts.Fresh(db, smtp.Settings());
        var east = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        var west = await factory.SignedInClientAsync(DemoLogins.CoordinatorWest);
        var arrangement = DemoIds.For("arrangement:1");
        using var hired = await SendAsync(east, HttpMethod.Post, "/api/v1/assistants", $$"""
            { "fullName": "Vilde Vikar", "email": "vilde@fjord.test", "officeId": "{{DemoIds.For("office:ost")}}", "kind": "Permanent", "positionPercent": 50, "start": "2026-12-01" }
            """, Guid.NewGuid().ToString());
        hired.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = await IdAsync(hired);
        Guid permanent;
        using (var scope = factory.Services.CreateScope())
            permanent = await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().Employments.Where(e => e.AssistantId == id).Select(e => e.Id).SingleAsync(Ct);

        // Assigned (twice: one record), then the permanent post changes and ends; the assignment ends with it.
        var assignment = $$"""{ "arrangementId": "{{arrangement}}", "from": "2026-12-01" }""";
        using var assigned = await SendAsync(east, HttpMethod.Post, $"/api/v1/assistants/{id}/assignments", assignment);
        using var assignedAgain = await SendAsync(east, HttpMethod.Post, $"/api/v1/assistants/{id}/assignments", assignment);
        using var fromWest = await SendAsync(west, HttpMethod.Post, $"/api/v1/assistants/{id}/assignments", assignment);
        using var changed = await SendAsync(east, HttpMethod.Put, $"/api/v1/assistants/{id}/employments/{permanent}", """{ "positionPercent": 60, "probationEnd": "2027-05-31" }""");
        using var tooLongProbation = await SendAsync(east, HttpMethod.Put, $"/api/v1/assistants/{id}/employments/{permanent}", """{ "positionPercent": 60, "probationEnd": "2027-06-01" }""");
        using var ended = await SendAsync(east, HttpMethod.Post, $"/api/v1/assistants/{id}/employments/{permanent}/end", """{ "lastDay": "2027-05-31" }""");

        assigned.StatusCode.ShouldBe(HttpStatusCode.Created);
        assignedAgain.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await IdAsync(assignedAgain)).ShouldBe(await IdAsync(assigned));
        fromWest.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ErrorsAsync(tooLongProbation)).GetProperty("probationEnd")[0].GetString().ShouldBe("Prøvetiden kan være høyst seks måneder (arbeidsmiljøloven § 15-6).");
        ended.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var scope = factory.Services.CreateScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            var employment = await data.Employments.SingleAsync(e => e.Id == permanent, Ct);
            (employment.PositionPercent, employment.End, employment.ProbationEnd).ShouldBe((60m, new LocalDate(2027, 5, 31), new LocalDate(2027, 5, 31)));
            (await data.Assignments.Where(s => s.AssistantId == id).Select(s => s.To).SingleAsync(Ct)).ShouldBe(new LocalDate(2027, 5, 31));
        }

        // A temporary post after it: only on a basis of AML § 14-9, with an end, and a probation of at most half of it.
        using var noBasis = await SendAsync(east, HttpMethod.Post, $"/api/v1/assistants/{id}/employments", """{ "kind": "Temporary", "positionPercent": 40, "start": "2027-06-01", "end": "2027-08-31" }""");
        using var noEnd = await SendAsync(east, HttpMethod.Post, $"/api/v1/assistants/{id}/employments", """{ "kind": "Temporary", "temporaryBasis": "TemporaryNeed", "positionPercent": 40, "start": "2027-06-01" }""");
        using var halfExceeded = await SendAsync(east, HttpMethod.Post, $"/api/v1/assistants/{id}/employments", """{ "kind": "Temporary", "temporaryBasis": "TemporaryNeed", "positionPercent": 40, "start": "2027-06-01", "end": "2027-08-31", "probationEnd": "2027-07-31" }""");
        var temporary = """{ "kind": "Temporary", "temporaryBasis": "TemporaryNeed", "positionPercent": 40, "start": "2027-06-01", "end": "2027-08-31", "probationEnd": "2027-06-30" }""";
        using var ok = await SendAsync(east, HttpMethod.Post, $"/api/v1/assistants/{id}/employments", temporary);
        using var retry = await SendAsync(east, HttpMethod.Post, $"/api/v1/assistants/{id}/employments", temporary);

        (await ErrorsAsync(noBasis)).GetProperty("temporaryBasis")[0].GetString()!.ShouldContain("§ 14-9");
        (await ErrorsAsync(noEnd)).GetProperty("end")[0].GetString()!.ShouldStartWith("En midlertidig ansettelse må ha en sluttdato");
        (await ErrorsAsync(halfExceeded)).GetProperty("probationEnd")[0].GetString()!.ShouldContain("halvparten");
        ok.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await IdAsync(retry)).ShouldBe(await IdAsync(ok));

        // The login by invitation; the assistant then keeps their own contact details and declares another job.
        using var invited = await SendAsync(east, HttpMethod.Post, $"/api/v1/assistants/{id}/login", "{}");
        invited.StatusCode.ShouldBe(HttpStatusCode.OK);
        await factory.Services.GetRequiredService<MailSender>().DeliverDueAsync(Ct);
        var link = PasswordLinkMail.LinkIn(await smtp.WaitForAsync("vilde@fjord.test"));
        (await SelvstyrtFactory.PostFormAsync(factory.CreateBrowserLikeClient(), link, "passord", PasswordLinkMail.Form(link, "vilde sitt passord", "vilde sitt passord"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var vilde = await factory.SignedInClientAsync("vilde@fjord.test", "vilde sitt passord");
        var other = await factory.SignedInClientAsync(DemoLogins.Assistant);

        using var badContact = await SendAsync(vilde, HttpMethod.Put, $"/api/v1/assistants/{id}/contact", """{ "email": "ikke-en-adresse", "phone": "abc" }""");
        using var contact = await SendAsync(vilde, HttpMethod.Put, $"/api/v1/assistants/{id}/contact", """{ "email": "vilde@fjord.test", "phone": "+47 912 34 567" }""");
        using var someoneElse = await SendAsync(other, HttpMethod.Put, $"/api/v1/assistants/{id}/contact", """{ "email": "kapret@fjord.test" }""");
        using var declared = await SendAsync(vilde, HttpMethod.Post, $"/api/v1/assistants/{id}/other-employers", """{ "employerName": "Fjord sykehjem", "hoursPerWeek": 15, "from": "2026-12-01" }""");
        var declaration = await IdAsync(declared);
        using var selfConfirm = await SendAsync(vilde, HttpMethod.Post, $"/api/v1/assistants/{id}/other-employers/{declaration}/confirm", "{}");
        using var confirmed = await SendAsync(east, HttpMethod.Post, $"/api/v1/assistants/{id}/other-employers/{declaration}/confirm", "{}");

        var errors = await ErrorsAsync(badContact);
        errors.GetProperty("email")[0].GetString().ShouldBe("E-postadressen er ikke gyldig.");
        errors.GetProperty("phone")[0].GetString().ShouldBe("Telefonnummer kan bare inneholde sifre, mellomrom og +.");
        contact.StatusCode.ShouldBe(HttpStatusCode.OK);
        someoneElse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        declared.StatusCode.ShouldBe(HttpStatusCode.Created);
        selfConfirm.StatusCode.ShouldBe(HttpStatusCode.NotFound, "only the employer confirms");
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Html.GetAsync(vilde, $"/assistenter/{id}", Ct)).ShouldContain("Bekreftet av arbeidsgiveren");
        using var check = factory.Services.CreateScope();
        var records = check.ServiceProvider.GetRequiredService<SelvstyrtDb>();
        var assistant = await records.Assistants.Include(a => a.OtherEmployerHours).SingleAsync(a => a.Id == id, Ct);
        assistant.Phone.ShouldBe("+47 912 34 567");
        assistant.OtherEmployerHours.Single().IsConfirmed.ShouldBeTrue();
        (await records.RoleChanges.CountAsync(c => c.Role == RoleKind.Assistant && c.ScopeId == id && c.Granted, Ct)).ShouldBe(1);
    }
}
