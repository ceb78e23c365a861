using Quartz;
using Selvstyrt.Data;
using Selvstyrt.Web.Features.Notifications;
using Selvstyrt.Web.Features.Substitutes;

namespace Selvstyrt.Web.Setup;

/// <summary>
/// The scheduler (issue 21, part 4; ADR 0026): Quartz.NET with its ADO.NET store in the app's own database, so that
/// several web instances on one PostgreSQL form one cluster in which each firing of a job runs on exactly one of them,
/// and a job whose instance dies (a roster proposal) is run again by another. On SQLite there is one instance by
/// nature; the store is the same, not clustered. Quartz creates its own tables (<c>qrtz_*</c>) when they are missing.
/// </summary>
public static class Scheduling
{
    /// <summary>The execution group of the recurring jobs, which a node with <c>Jobs:Enabled=false</c> refuses to run.</summary>
    public const string Recurring = "recurring";

    /// <summary>The execution group of roster proposals (CP-SAT, two threads each), which a node with <c>Jobs:Generator=false</c> refuses to run.</summary>
    public const string Generator = "generator";

    public static IServiceCollection AddSelvstyrtScheduler(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        var provider = DatabaseSetup.ProviderFrom(configuration);
        var connection = DatabaseSetup.ConnectionStringFrom(configuration, provider);
        if (provider == DatabaseProvider.Sqlite) connection = DatabaseSetup.ResolveSqlitePath(connection, dataFolder);
        var jobsHere = configuration.GetValue("Jobs:Enabled", true);
        var generatorHere = configuration.GetValue("Jobs:Generator", true);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                // How soon a node sees a job another node stored for «now» (a proposal started where the generator is refused).
                o.IdleWaitTime = TimeSpan.FromSeconds(configuration.GetValue("Jobs:IdleSeconds", 10.0));
                // A node may leave the daily and five-minute jobs (Jobs:Enabled=false) or the roster generator (Jobs:Generator=false)
                // to the others, e.g. to keep CP-SAT off the nodes that answer the pages.
                if (!jobsHere) o.RefusedExecutionGroups.Add(Recurring);
                if (!generatorHere) o.RefusedExecutionGroups.Add(Generator);
            });
            q.UseDefaultThreadPool(configuration.GetValue("Jobs:Threads", 4));
            q.UsePersistentStore(store =>
            {
                if (provider == DatabaseProvider.Postgres)
                {
                    store.UsePostgres(connection);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(configuration.GetValue("Jobs:CheckinSeconds", 7.5));
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(configuration.GetValue("Jobs:CheckinMisfireSeconds", 15.0));
                    });
                }
                else
                {
                    store.UseSqlite(connection);
                }
                store.ProvisionSchema();
                store.UseExecutionHistory();
            });
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = false);
        services.AddHostedService<RecurringJobs>();
        return services;
    }
}

/// <summary>
/// Stores the recurring jobs once for the whole cluster: the daily jobs at 05:00 Norwegian time (and at once when the
/// database has never had them, so a new installation has its reminders on the first day) and the offer escalation
/// every five minutes. A trigger that is already stored is left as it is, so a second instance neither reschedules nor
/// runs them again; a firing missed while every instance was down runs once when one comes back.
/// </summary>
public sealed class RecurringJobs(ISchedulerFactory schedulers, IConfiguration configuration, ILogger<RecurringJobs> logger) : IHostedService
{
    public static readonly JobKey Daily = new("daily", Scheduling.Recurring);
    public static readonly JobKey Offers = new("offer-escalation", Scheduling.Recurring);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Jobs:Enabled", true)) return;
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
        var daily = JobBuilder.Create<DailyJobs>().WithIdentity(Daily).WithDescription("Påminnelser, årshjul og sletting (daglig)").Build();
        var dailyTrigger = TriggerBuilder.Create().WithIdentity("daily", Scheduling.Recurring).ForJob(Daily).WithExecutionGroup(Scheduling.Recurring)
            .WithSchedule(CronScheduleBuilder.Create("0 0 5 * * ?").InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)).Build();
        if (await StoreOnceAsync(scheduler, daily, dailyTrigger, cancellationToken))
        {
            await scheduler.ScheduleJob(TriggerBuilder.Create().WithIdentity("daily-first", Scheduling.Recurring).ForJob(Daily)
                .WithExecutionGroup(Scheduling.Recurring).StartNow().Build(), cancellationToken: cancellationToken);
        }
        var offers = JobBuilder.Create<OfferEscalation>().WithIdentity(Offers).WithDescription("Vaktilbud til koordinator og lukking").Build();
        var offersTrigger = TriggerBuilder.Create().WithIdentity("offer-escalation", Scheduling.Recurring).ForJob(Offers).WithExecutionGroup(Scheduling.Recurring).StartNow()
            .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(TimeSpan.FromMinutes(5)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)).Build();
        await StoreOnceAsync(scheduler, offers, offersTrigger, cancellationToken);
    }

    /// <summary>Stores the job and its trigger unless another instance (or an earlier start) already did; true when this call stored them.</summary>
    private async Task<bool> StoreOnceAsync(IScheduler scheduler, IJobDetail job, ITrigger trigger, CancellationToken ct)
    {
        try
        {
            await scheduler.ScheduleJob(job, trigger, cancellationToken: ct);
            logger.LogInformation("Scheduled {Job}", job.Key);
            return true;
        }
        catch (ObjectAlreadyExistsException)
        {
            return false;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
