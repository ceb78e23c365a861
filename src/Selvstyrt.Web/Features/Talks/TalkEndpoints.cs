using NodaTime;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.People;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Talks;

/// <summary>
/// Talks (<c>/api/v1/arrangements/{id}/talks</c>, <c>/api/v1/talks/{id}</c>) and the work leader's requests to the employer
/// (<c>/api/v1/arrangements/{id}/employer-requests</c>, <c>/api/v1/employer-requests</c>). Creates take an <c>Idempotency-Key</c>.
/// </summary>
public static class TalkEndpoints
{
    public sealed record TalkBody(Guid? AssistantId, TalkKind? Kind, LocalDate? PlannedOn, string? Subject);

    public sealed record NoteBody(string? Notes, string? Goal);

    public sealed record PreparationBody(IReadOnlyDictionary<string, NoteBody>? Topics, bool? Share);

    public sealed record MinutesBody(LocalDate? HeldOn, string? Present, string? UnionRepresentative, string? Minutes, string? Agreed, LocalDate? FollowUpOn);

    public sealed record AcceptBody(string? Comment);

    public sealed record RequestBody(Guid? AssistantId, RequestKind? Kind, string? Text);

    public sealed record AnswerBody(string? Answer);

    public sealed record NoteDto(TalkTopic Topic, string Notes, string Goal);

    public sealed record TalkDto(Guid Id, Guid ArrangementId, string Arrangement, Guid AssistantId, string Assistant, TalkKind Kind, TalkStatus Status, LocalDate PlannedOn,
        string Subject, TalkSide YourSide, IReadOnlyList<NoteDto> YourPreparation, Instant? YouSharedAt, IReadOnlyList<NoteDto>? TheirPreparation, LocalDate? HeldOn,
        string Present, string? UnionRepresentative, string Minutes, string Agreed, LocalDate? FollowUpOn, string? MinutesBy, Instant? LeaderAcceptedAt, string? LeaderAcceptedBy,
        Instant? AssistantAcceptedAt, string? AssistantComment);

    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<TalkRecords>();
        services.AddScoped<TalkReminders>();
    }

    public static TalkDto Dto(TalkRecords.TalkView v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var t = v.Talk;
        static List<NoteDto> Notes(IEnumerable<TalkNote> notes) => [.. notes.Select(n => new NoteDto(n.Topic, n.Notes, n.Goal))];
        return new(t.Id, t.ArrangementId, v.Arrangement, t.AssistantId, v.Assistant, t.Kind, t.Status, t.PlannedOn, t.Subject, v.Side, Notes(v.Mine), t.SharedAt(v.Side),
            v.Theirs is null ? null : Notes(v.Theirs), t.HeldOn, t.Present, t.UnionRepresentative, t.Minutes, t.Agreed, t.FollowUpOn, t.MinutesBy, t.LeaderAcceptedAt, t.LeaderAcceptedBy,
            t.AssistantAcceptedAt, t.AssistantComment);
    }

    /// <summary>The preparation's topics by their field names (general, wentWell, …); an unknown name is a field error.</summary>
    public static Result<Dictionary<TalkTopic, (string? Notes, string? Goal)>> Topics(IReadOnlyDictionary<string, NoteBody>? topics)
    {
        var result = new Dictionary<TalkTopic, (string?, string?)>();
        var known = Enum.GetValues<TalkTopic>().ToDictionary(Talk.Field, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, note) in topics ?? new Dictionary<string, NoteBody>())
        {
            if (!known.TryGetValue(name, out var topic))
                return Invalid.Field($"topics.{name}", $"«{name}» er ikke et tema i forberedelsesskjemaet. Temaene er {string.Join(", ", known.Keys)}.");
            result[topic] = (note?.Notes, note?.Goal);
        }
        return result;
    }


    /// <summary>An arrangement's talks, who is due one, and the assistants' requests to the employer.</summary>
    public sealed record TalkOverview(IReadOnlyList<TalkRecords.TalkRow> Talks, IReadOnlyList<TalkRecords.DueRow> Due, IReadOnlyList<TalkRecords.RequestRow> Requests);

    /// <summary>The caller's own talks.</summary>
    public sealed record TalkList(IReadOnlyList<TalkRecords.TalkRow> Talks);

    /// <summary>The requests to the employer the caller answers.</summary>
    public sealed record RequestList(IReadOnlyList<TalkRecords.RequestRow> Requests);

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/arrangements/{id:guid}/talks", async (Guid id, TalkRecords records, CancellationToken ct) =>
            {
                var result = await records.OverviewAsync(id, ct);
                if (!result.IsSuccess) return result.Error!.ToHttp();
                var o = result.Value!;
                return Results.Ok(new TalkOverview(o.Talks, o.Due, o.Requests));
            })
            .WithName("ListTalks").WithSummary("Ordningens samtaler, når neste medarbeider- og prøvetidssamtale skal holdes, og henvendelsene til arbeidsgiveren")
            .Produces<TalkOverview>();
        api.MapPost("/arrangements/{id:guid}/talks", async (Guid id, HttpRequest request, TalkRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<TalkBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                var result = await records.PlanAsync(id, new(b.AssistantId, b.Kind, b.PlannedOn, b.Subject), Creates.Key(request), ct);
                return Creates.Answer(result, result.IsSuccess ? $"/api/v1/talks/{result.Value.Id}" : "");
            })
            .WithName("PlanTalk").WithSummary("Planlegg en samtale med en assistent (Idempotency-Key anbefales)").Accepts<TalkBody>("application/json")
            .Idempotent()
            .ProducesCreatedId();
        api.MapGet("/talks/mine", async (TalkRecords records, CancellationToken ct) => Results.Ok(new TalkList(await records.MineAsync(ct))))
            .WithName("MyTalks").WithSummary("Dine egne samtaler som assistent")
            .Produces<TalkList>();
        api.MapGet("/talks/{talkId:guid}", async (Guid talkId, TalkRecords records, CancellationToken ct) =>
            {
                var result = await records.GetAsync(talkId, ct);
                return result.IsSuccess ? Results.Ok(Dto(result.Value!)) : result.Error!.ToHttp();
            })
            .WithName("GetTalk").WithSummary("Samtalen: din forberedelse, den andres når den er delt, referatet og godkjenningene")
            .Produces<TalkDto>();
        api.MapPut("/talks/{talkId:guid}", async (Guid talkId, HttpRequest request, TalkRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<TalkBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                return Changes.Answer(await records.RescheduleAsync(talkId, body.Value!.PlannedOn, body.Value.Subject, ct));
            })
            .WithName("RescheduleTalk").WithSummary("Flytt samtalen eller endre temaet (før den er holdt)").Accepts<TalkBody>("application/json")
            .Produces<ApiContract.RecordId>();
        api.MapPost("/talks/{talkId:guid}/cancel", async (Guid talkId, TalkRecords records, CancellationToken ct) => Changes.Answer(await records.CancelAsync(talkId, ct)))
            .WithName("CancelTalk").WithSummary("Avlys en samtale som ikke er holdt")
            .Produces<ApiContract.RecordId>();
        api.MapPut("/talks/{talkId:guid}/preparation", async (Guid talkId, HttpRequest request, TalkRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<PreparationBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var topics = Topics(body.Value!.Topics);
                if (!topics.IsSuccess) return topics.Error!.ToHttp();
                return Changes.Answer(await records.PrepareAsync(talkId, topics.Value!, body.Value.Share ?? false, ct));
            })
            .WithName("PrepareTalk").WithSummary("Din forberedelse (arbeidslederens skjema eller assistentens); «share» lar den andre lese den").Accepts<PreparationBody>("application/json")
            .Produces<ApiContract.RecordId>();
        api.MapPut("/talks/{talkId:guid}/minutes", async (Guid talkId, HttpRequest request, TalkRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<MinutesBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                return Changes.Answer(await records.WriteMinutesAsync(talkId, new(b.HeldOn, b.Present, b.UnionRepresentative, b.Minutes, b.Agreed, b.FollowUpOn), ct));
            })
            .WithName("WriteTalkMinutes").WithSummary("Referatet (arbeidslederen): hvem som var til stede, hva dere snakket om og hva som ble avtalt").Accepts<MinutesBody>("application/json")
            .Produces<ApiContract.RecordId>();
        api.MapPost("/talks/{talkId:guid}/accept", async (Guid talkId, HttpRequest request, TalkRecords records, CancellationToken ct) =>
            {
                // The body is optional: an acceptance without a remark may post nothing.
                string? comment = null;
                if (request.ContentLength != 0)
                {
                    var body = await ApiJson.ReadAsync<AcceptBody>(request, ct);
                    if (!body.IsSuccess) return body.Error!.ToHttp();
                    comment = body.Value!.Comment;
                }
                return Changes.Answer(await records.AcceptAsync(talkId, comment, ct));
            })
            .WithName("AcceptTalkMinutes").WithSummary("Godta referatet for din side (assistenten kan legge til en merknad)").Accepts<AcceptBody>("application/json")
            .Produces<ApiContract.RecordId>();

        api.MapGet("/employer-requests", async (TalkRecords records, CancellationToken ct) => Results.Ok(new RequestList(await records.ForEmployerAsync(ct))))
            .WithName("ListEmployerRequests").WithSummary("Henvendelser fra arbeidsledere i ordningene du er arbeidsgiver for (ubesvarte først)")
            .Produces<RequestList>();
        api.MapPost("/arrangements/{id:guid}/employer-requests", async (Guid id, HttpRequest request, TalkRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<RequestBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                var b = body.Value!;
                var result = await records.AskEmployerAsync(id, b.AssistantId, b.Kind, b.Text, Creates.Key(request), ct);
                return Creates.Answer(result, result.IsSuccess ? $"/api/v1/arrangements/{id}/talks" : "");
            })
            .WithName("AskEmployer").WithSummary("Be arbeidsgiveren om hjelp, om å avslutte et arbeidsforhold, eller om noe annet (Idempotency-Key anbefales)")
            .Accepts<RequestBody>("application/json")
            .Idempotent()
            .ProducesCreatedId();
        api.MapPost("/employer-requests/{requestId:guid}/answer", async (Guid requestId, HttpRequest request, TalkRecords records, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<AnswerBody>(request, ct);
                if (!body.IsSuccess) return body.Error!.ToHttp();
                return Changes.Answer(await records.AnswerAsync(requestId, body.Value!.Answer, ct));
            })
            .WithName("AnswerEmployerRequest").WithSummary("Arbeidsgiverens svar på en henvendelse").Accepts<AnswerBody>("application/json")
            .Produces<ApiContract.RecordId>();
    }
}
