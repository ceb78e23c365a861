using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Selvstyrt.ApiClient;
using Selvstyrt.ApiClient.Models;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Host;

/// <summary>
/// The API through a client that Microsoft Kiota generates from the committed OpenAPI document (tests/Selvstyrt.ApiClient), as
/// an integrator would use it (issue 25): if the document says something the API does not do, this fails.
/// </summary>
public sealed class ApiClientTests(Hosts hosts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly Guid Arrangement10 = DemoIds.For("arrangement:10");
    private static readonly Guid Oslo = DemoIds.For("municipality:0301");

    [Theory, DatabaseData]
    public async Task GeneratedClient_WithAnApiKey_ReadsCreatesOnceAndGetsTheDocumentedErrors(DatabaseKind db)
    {
        var factory = hosts.For(db);
        var key = await ApiCalls.KeyAsync(factory, "provider-admin", name: "Generert klient", ct: Ct);
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var adapter = new HttpClientRequestAdapter(new ApiKeyAuthenticationProvider(key, "X-Api-Key", ApiKeyAuthenticationProvider.KeyLocation.Header), httpClient: http)
        {
            BaseUrl = "https://localhost",
        };
        var api = new SelvstyrtClient(adapter).Api.V1;

        // Reads an arrangement.
        var arrangement = await api.Arrangements[Arrangement10].GetAsync(cancellationToken: Ct);
        arrangement.ShouldNotBeNull();
        arrangement.Id.ShouldBe(Arrangement10);
        arrangement.Name.ShouldBe("Ordningen til Even");
        arrangement.MunicipalityName.ShouldBe("Oslo");
        arrangement.StartDate.ShouldNotBeNull();

        // A draft plan of its own, then one shift created twice with the same key: one record.
        var run = Guid.NewGuid().ToString("N")[..12];
        var plan = await api.Arrangements[Arrangement10].Plans.PostAsync(
            new PlanCreatePlanBody { Name = $"Klientplan {run}", RotationWeeks = 1, StartsOn = new Date(2027, 1, 4) },
            c => c.Headers.Add("Idempotency-Key", $"plan-{run}"), Ct);
        plan.ShouldNotBeNull();
        var planId = plan.Id!.Value;
        var shift = new PlanAddShiftsBody { Start = "07:00:00", LengthMinutes = 480, Kind = PlanShiftKind.Day, Weeks = [1], Days = [IsoDayOfWeek.Monday] };
        var first = await api.Arrangements[Arrangement10].Plans[planId].Shifts.PostAsync(shift, c => c.Headers.Add("Idempotency-Key", $"shift-{run}"), Ct);
        var again = await api.Arrangements[Arrangement10].Plans[planId].Shifts.PostAsync(shift, c => c.Headers.Add("Idempotency-Key", $"shift-{run}"), Ct);
        first.ShouldNotBeNull();
        again.ShouldNotBeNull();
        again.Revision.ShouldBe(first.Revision, "the retry answers with what the first request made");
        var read = await api.Arrangements[Arrangement10].Plans[planId].GetAsync(cancellationToken: Ct);
        read!.Shifts!.Count.ShouldBe(1, "the same key twice makes one shift");
        read.Revision.ShouldBe(first.Revision);
        var shiftId = read.Shifts[0].Id!.Value;

        // A change with a stale revision: 409 when it is in the body, 412 when it is in If-Match; nothing is saved.
        var move = new PlanChangeShiftBody { Week = 1, Day = IsoDayOfWeek.Tuesday, Start = "08:00:00", LengthMinutes = 420, Kind = PlanShiftKind.Day, Revision = first.Revision - 1 };
        var conflict = await Should.ThrowAsync<Problem>(() => api.Arrangements[Arrangement10].Plans[planId].Shifts[shiftId].PutAsync(move, cancellationToken: Ct));
        conflict.ResponseStatusCode.ShouldBe(409);
        conflict.Code.ShouldBe("stale_revision");
        conflict.Detail.ShouldNotBeNull().ShouldContain("endret av noen andre");
        var stale = await Should.ThrowAsync<Problem>(() => api.Arrangements[Arrangement10].Plans[planId].Shifts[shiftId].PutAsync(
            new PlanChangeShiftBody { Week = 1, Day = IsoDayOfWeek.Tuesday, Start = "08:00:00", LengthMinutes = 420, Kind = PlanShiftKind.Day },
            c => c.Headers.Add("If-Match", $"\"{first.Revision - 1}\""), Ct));
        stale.ResponseStatusCode.ShouldBe(412);
        stale.Title.ShouldBe("Revisjonen er utdatert");
        var unchanged = await api.Arrangements[Arrangement10].Plans[planId].GetAsync(cancellationToken: Ct);
        unchanged!.Revision.ShouldBe(first.Revision);
        unchanged.Shifts!.Single().Day.ShouldBe(IsoDayOfWeek.Monday);

        // Bad input: a Norwegian 400 naming the field.
        var invalid = await Should.ThrowAsync<ValidationProblem>(() => api.Arrangements[Arrangement10].Plans[planId].Shifts.PostAsync(
            new PlanAddShiftsBody { Start = "07:00:00", LengthMinutes = 480, Kind = PlanShiftKind.Day, Weeks = [1], Days = [] },
            c => c.Headers.Add("Idempotency-Key", $"shift-{run}-ingen-dager"), Ct));
        invalid.ResponseStatusCode.ShouldBe(400);
        invalid.Errors.ShouldNotBeNull().AdditionalData.ShouldContainKey("days");
        invalid.Detail.ShouldNotBeNull().ShouldContain("Velg minst én dag.");

        // A month's report for the municipality, as data and as the CSV file.
        var report = await api.Municipalities[Oslo].Reports["2026-10"].GetAsync(cancellationToken: Ct);
        report.ShouldNotBeNull();
        report.MunicipalityName.ShouldBe("Oslo");
        report.Month.ShouldBe("2026-10");
        report.Rows!.Count.ShouldBe(5, "Oslo has five demo arrangements");
        var file = api.Municipalities[Oslo].Reports["2026-10"].ToGetRequestInformation(c => c.QueryParameters.Format = "csv");
        await using var csv = await adapter.SendPrimitiveAsync<Stream>(file, cancellationToken: Ct);
        using var reader = new StreamReader(csv.ShouldNotBeNull(), Encoding.UTF8);
        var text = await reader.ReadToEndAsync(Ct);
        text.ShouldContain("Ordning;Tjenestemottaker;Saksnummer;Innvilget (timer);Brukt (timer)");
        text.ShouldContain("Ordningen til Bjørn;Bjørn Kvamme");
    }
}
