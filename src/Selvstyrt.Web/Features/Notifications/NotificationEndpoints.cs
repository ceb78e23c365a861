namespace Selvstyrt.Web.Features.Notifications;

/// <summary>The signed-in user's notifications under <c>/api/v1</c>, and the daily job that records the reminders.</summary>
public static class NotificationEndpoints
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<NotificationList>();
        if (configuration.GetValue("Jobs:Enabled", true)) services.AddHostedService<DailyJobs>();
    }

    public static void MapApi(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/notifications", async (NotificationList list, CancellationToken ct) => TypedResults.Ok(await list.HandleAsync(ct)))
            .WithName("ListNotifications").WithSummary("Brukerens varsler, nyeste først");
    }
}
