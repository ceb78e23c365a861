using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Domain.Notifications;
using Selvstyrt.Testing;
using Selvstyrt.Web.Features.Decisions;
using Selvstyrt.Web.Features.Notifications;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Notifications;

/// <summary>
/// The mail outbox on both engines, against a real SMTP server on loopback: a message committed with its change is
/// sent by the next host when the first stopped before sending it, a server that is down gets the message later with
/// back-off and every attempt logged, and the reminder jobs' notifications arrive as mail and can be marked read.
/// </summary>
public sealed class OutboxTests(Hosts hosts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> AskForResetAsync(SelvstyrtFactory factory, string email)
        => SelvstyrtFactory.PostFormAsync(factory.CreateBrowserLikeClient(), "/glemt-passord", "glemt-passord", new Dictionary<string, string> { ["Input.Email"] = email });

    [Theory, DatabaseData]
    public async Task Outbox_CommittedButNotSentWhenTheHostStopped_IsSentOnceByTheNextHost(DatabaseKind db)
    {
        await using var smtp = TestSmtpServer.Start();
        var settings = smtp.Settings();
        settings["Demo:Seed"] = "false";
        var first = Hosts.Fresh(db, settings);
        first.KeepDatabase = true;
        var email = await first.CreateUserAsync("utboks", "et-passord-som-varer");
        await AskForResetAsync(first, email);
        await first.DisposeAsync();
        smtp.For(email).ShouldBeEmpty("the first host never ran its sender");

        settings["Mail:Sender:Enabled"] = "true";
        settings["Mail:Sender:PollSeconds"] = "0.2";
        await using var second = Hosts.Fresh(db, settings, reuse: first);
        var mail = await smtp.WaitForAsync(email);
        await Task.Delay(1000, Ct);

        smtp.For(email).Count.ShouldBe(1);
        mail.MessageId.ShouldEndWith("@selvstyrt");
        mail.Headers["Auto-Submitted"].ShouldBe("auto-generated");
        using var scope = second.Services.CreateScope();
        var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
        var message = await data.OutboxMessages.SingleAsync(m => m.ToAddress == email, Ct);
        message.SentAt.ShouldNotBeNull();
        (await data.MailDeliveries.Where(d => d.MessageId == message.Id).Select(d => d.Succeeded).ToListAsync(Ct)).ShouldBe([true]);
    }

    [Theory, DatabaseData]
    public async Task Outbox_ServerDown_TriesAgainAfterTheBackoff_AndDeliversWhenTheServerIsBack(DatabaseKind db)
    {
        var port = TestSmtpServer.FreePort();
        await using var factory = Hosts.Fresh(db, new Dictionary<string, string?>
        {
            ["Demo:Seed"] = "false", ["Mail:Smtp:Host"] = "127.0.0.1", ["Mail:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Mail:Smtp:Security"] = "None",
        });
        var sender = factory.Services.GetRequiredService<MailSender>();
        var email = await factory.CreateUserAsync("nede", "et-passord-som-varer");
        await AskForResetAsync(factory, email);

        (await sender.DeliverDueAsync(Ct)).ShouldBe(0);
        OutboxMessage afterFailure;
        using (var scope = factory.Services.CreateScope()) afterFailure = await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == email, Ct);
        (await sender.DeliverDueAsync(Ct)).ShouldBe(0, "not due again before the back-off");
        await using var smtp = TestSmtpServer.StartOn(port);
        factory.Clock.Advance(Duration.FromMinutes(1));
        (await sender.DeliverDueAsync(Ct)).ShouldBe(1);

        afterFailure.Attempts.ShouldBe(1);
        afterFailure.SentAt.ShouldBeNull();
        afterFailure.LastError.ShouldNotBeNullOrEmpty();
        afterFailure.NextAttemptAt.ShouldBe(factory.Clock.GetCurrentInstant());
        (await smtp.WaitForAsync(email)).Subject.ShouldBe("Nytt passord i Selvstyrt");
        using var after = factory.Services.CreateScope();
        var log = await after.ServiceProvider.GetRequiredService<SelvstyrtDb>().MailDeliveries.Where(d => d.MessageId == afterFailure.Id).OrderBy(d => d.Attempt).ToListAsync(Ct);
        log.Select(d => (d.Attempt, d.Succeeded)).ShouldBe([(1, false), (2, true)]);
    }

    [Theory, DatabaseData]
    public async Task Reminders_ArriveAsMail_ForPeopleWithAnAddress_AndTheNotificationIsMarkedSent(DatabaseKind db)
    {
        var factory = hosts.For(db);
        using (var scope = factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DecisionReminders>().RecordAsync(factory.Clock.GetCurrentInstant(), Ct);

        await factory.Services.GetRequiredService<MailSender>().DeliverDueAsync(Ct);
        var mail = await hosts.Smtp.WaitForAsync(DemoLogins.CoordinatorEast, where: m => m.Subject == "Vedtaket for Ordningen til Bjørn går ut 15. januar 2027");

        (mail.TextBody ?? "").ShouldContain("https://localhost/ordninger/");
        using var check = factory.Services.CreateScope();
        var data = check.ServiceProvider.GetRequiredService<SelvstyrtDb>();
        var coordinator = await data.Users.Where(u => u.Email == DemoLogins.CoordinatorEast).Select(u => u.Id).SingleAsync(Ct);
        (await data.Notifications.Where(n => n.UserId == coordinator && n.Kind == "decision-expiry").Select(n => n.SentAt).SingleAsync(Ct)).ShouldNotBeNull();
    }

    [Theory, DatabaseData]
    public async Task NotificationsPage_ShowsUnread_MarksReadByFormAndApi_AndAnotherUsersNotificationIsNotFound(DatabaseKind db)
    {
        var factory = hosts.For(db);
        var email = await factory.CreateUserAsync("varsler", "et-passord-som-varer");
        var other = await factory.CreateUserAsync("annen", "et-passord-som-varer");
        Guid first, second, foreign;
        using (var scope = factory.Services.CreateScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            var me = await data.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct);
            var them = await data.Users.Where(u => u.Email == other).Select(u => u.Id).SingleAsync(Ct);
            var now = factory.Clock.GetCurrentInstant();
            var a = Notification.Create(Guid.NewGuid(), me, "test", "Første varsel", "Noe skjedde.", "/", "t:1", now);
            var b = Notification.Create(Guid.NewGuid(), me, "test", "Andre varsel", "Noe annet skjedde.", "/", "t:2", now);
            var c = Notification.Create(Guid.NewGuid(), them, "test", "Ikke ditt", "Hemmelig.", "/", "t:3", now);
            data.Notifications.AddRange(a, b, c);
            await data.SaveChangesAsync(Ct);
            (first, second, foreign) = (a.Id, b.Id, c.Id);
        }
        var client = await factory.SignedInClientAsync(email, "et-passord-som-varer");

        var before = await Html.GetAsync(client, "/varsler", Ct);
        using var marked = await SelvstyrtFactory.PostFormAsync(client, "/varsler", $"les-{first:N}", new Dictionary<string, string>());
        var afterOne = await Html.GetAsync(client, "/varsler", Ct);
        var token = await client.GetFromJsonAsync<JsonElement>("/api/v1/antiforgery", Ct);
        async Task<HttpResponseMessage> ReadAsync(Guid id)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/notifications/{id}/read");
            request.Headers.Add(token.GetProperty("headerName").GetString()!, token.GetProperty("token").GetString());
            return await client.SendAsync(request, Ct);
        }
        using var viaApi = await ReadAsync(second);
        using var notMine = await ReadAsync(foreign);
        var after = await Html.GetAsync(client, "/varsler", Ct);

        before.ShouldContain("2 uleste varsler.");
        before.ShouldContain("Varsler (2 uleste)");
        before.ShouldNotContain("Hemmelig.");
        marked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        afterOne.ShouldContain("1 ulest varsel.");
        viaApi.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        notMine.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        after.ShouldContain("0 uleste varsler.");
        using var check = factory.Services.CreateScope();
        (await check.ServiceProvider.GetRequiredService<SelvstyrtDb>().Notifications.Where(n => n.Id == foreign).Select(n => n.ReadAt).SingleAsync(Ct)).ShouldBeNull();
    }
}
