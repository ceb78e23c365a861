using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Notifications;

/// <summary>The signed-in user's notifications under <c>/api/v1</c>, and the daily job that records the reminders.</summary>
public static class NotificationEndpoints
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        services.AddScoped<NotificationList>();
        services.AddScoped<NotificationStore>();
        var mail = MailOptions.Read(configuration, dataFolder);
        services.AddSingleton(mail);
        services.AddSingleton<MailSender>();
        if (mail.SenderEnabled) services.AddHostedService(sp => sp.GetRequiredService<MailSender>());
    }

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/notifications", async (NotificationList list, CancellationToken ct) => TypedResults.Ok(await list.HandleAsync(ct)))
            .WithName("ListNotifications").WithSummary("Brukerens varsler, nyeste først");
        api.MapPost("/notifications/{id:guid}/read", async (Guid id, NotificationList list, CancellationToken ct) =>
            {
                var result = await list.MarkReadAsync(id, ct);
                return result.IsSuccess ? Results.NoContent() : result.Error!.ToHttp();
            })
            .WithName("MarkNotificationRead").WithSummary("Merk et av brukerens varsler som lest")
            .Produces(StatusCodes.Status204NoContent);
    }
}
