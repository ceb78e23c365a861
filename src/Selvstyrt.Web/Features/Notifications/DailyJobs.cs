using Microsoft.EntityFrameworkCore;
using NodaTime;
using Quartz;
using Selvstyrt.Web.Features.Decisions;
using Selvstyrt.Web.Features.TimeSheets;

namespace Selvstyrt.Web.Features.Notifications;

/// <summary>
/// The daily jobs (decision, time sheet, competence, agreement, talk, information-request and annual-wheel reminders; the
/// year's annual wheel; the retention rules: time sheets and payroll basis after five years, police certificate records of
/// ended employments, applicants of finished recruitments), fired by the scheduler once a day on one instance of the cluster (<see cref="Setup.RecurringJobs"/>).
/// Every step is idempotent (reminders have a dedup key, the wheel's ids are derived), so a run again after a failure
/// records nothing twice.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DailyJobs(IServiceScopeFactory scopes, IClock clock, ILogger<DailyJobs> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var recorded = await scope.ServiceProvider.GetRequiredService<DecisionReminders>().RecordAsync(clock.GetCurrentInstant(), cancellationToken);
            logger.LogInformation("Decision reminders: {Count} new notifications", recorded);
            var sheets = await scope.ServiceProvider.GetRequiredService<TimeSheetReminders>().RecordAsync(clock.GetCurrentInstant(), cancellationToken);
            var hours = await scope.ServiceProvider.GetRequiredService<HourAccounts.HourWarnings>().RecordAsync(clock.GetCurrentInstant(), cancellationToken);
            logger.LogInformation("Time sheet reminders: {Count} new notifications; hour-account warnings: {Hours}", sheets, hours);
            var competences = await scope.ServiceProvider.GetRequiredService<Competences.CompetenceReminders>().RecordAsync(clock.GetCurrentInstant(), cancellationToken);
            logger.LogInformation("Competence reminders: {Count} new notifications", competences);
            var agreements = await scope.ServiceProvider.GetRequiredService<Agreements.AgreementReminders>().RecordAsync(clock.GetCurrentInstant(), cancellationToken);
            logger.LogInformation("Agreement reminders: {Count} new notifications", agreements);
            var talks = await scope.ServiceProvider.GetRequiredService<Talks.TalkReminders>().RecordAsync(clock.GetCurrentInstant(), cancellationToken);
            var requests = await Transparency.TransparencyRecords.RemindAsync(scope.ServiceProvider.GetRequiredService<Data.SelvstyrtDb>(),
                scope.ServiceProvider.GetRequiredService<NotificationStore>(), clock.GetCurrentInstant(), cancellationToken);
            logger.LogInformation("Talk reminders: {Count} new notifications; information requests: {Requests}", talks, requests);
            var today = clock.GetCurrentInstant().InZone(Auth.CurrentUser.Zone).Date;
            var purged = await Retention.RetentionPurge.RunAsync(scope.ServiceProvider.GetRequiredService<Data.SelvstyrtDb>(), clock.GetCurrentInstant(), cancellationToken);
            logger.LogInformation("Retention: {Sheets} time sheets and {Exports} payroll exports past five years, {Certificates} police certificate records of ended employments, {Applicants} applicants deleted",
                purged.TimeSheets, purged.PayrollExports, purged.PoliceCertificates, purged.Applicants);
            var erased = await Retention.ErasureJob.RunAsync(scope.ServiceProvider.GetRequiredService<Data.SelvstyrtDb>(), clock.GetCurrentInstant(), cancellationToken);
            logger.LogInformation("Erasure requests: {CarriedOut} carried out, {Completed} completed", erased.CarriedOut, erased.Completed);
            var wheel = await AnnualWheel.WheelRecords.GenerateYearAsync(scope.ServiceProvider.GetRequiredService<Data.SelvstyrtDb>(), today, cancellationToken);
            var wheelReminders = await AnnualWheel.WheelRecords.RemindAsync(scope.ServiceProvider.GetRequiredService<Data.SelvstyrtDb>(),
                scope.ServiceProvider.GetRequiredService<NotificationStore>(), clock.GetCurrentInstant(), cancellationToken);
            logger.LogInformation("Annual wheel: {Tasks} tasks made, {Reminders} reminders", wheel, wheelReminders);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
        {
            logger.LogError(ex, "Reminders failed; the next run tries again");
            throw new JobExecutionException(ex);
        }
    }
}
