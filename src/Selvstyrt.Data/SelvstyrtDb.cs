using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data.Configurations;
using Selvstyrt.Data.Identity;
using Selvstyrt.Data.Interceptors;
using Selvstyrt.Data.Sessions;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Billing;
using Selvstyrt.Domain.HourAccounts;
using Selvstyrt.Domain.Notifications;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.People;
using Selvstyrt.Domain.TimeSheets;
using Selvstyrt.Domain.Users;

namespace Selvstyrt.Data;

/// <summary>
/// The one database of the modular monolith. Used directly by the feature handlers (no repository
/// layer: architecture principle 3). The same model runs on SQLite and PostgreSQL; what differs per
/// provider (NodaTime mapping, the concurrency token) is decided in <see cref="OnModelCreating"/>
/// and <see cref="ConfigureConventions"/>.
/// </summary>
public sealed class SelvstyrtDb(DbContextOptions<SelvstyrtDb> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    /// <summary>
    /// The data-protection keys (sign-in cookies, antiforgery tokens, two-step secrets), in the database so that every web
    /// instance on it reads the same key ring (issue 21, part 4).
    /// </summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys
        => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    /// <summary>The app-managed concurrency counter on SQLite (PostgreSQL uses the system column <c>xmin</c>).</summary>
    public const string VersionProperty = "Version";

    public DbSet<RosterProposal> RosterProposals => Set<RosterProposal>();
    public DbSet<Provider> Providers => Set<Provider>();
    public DbSet<Office> Offices => Set<Office>();
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Recipient> Recipients => Set<Recipient>();
    public DbSet<Arrangement> Arrangements => Set<Arrangement>();
    public DbSet<ArrangementTransfer> ArrangementTransfers => Set<ArrangementTransfer>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<ArrangementRole> ArrangementRoles => Set<ArrangementRole>();
    public DbSet<ActingPeriod> ActingPeriods => Set<ActingPeriod>();
    public DbSet<Selvstyrt.Domain.Absences.Absence> Absences => Set<Selvstyrt.Domain.Absences.Absence>();
    public DbSet<Selvstyrt.Domain.Absences.HolidayRequest> HolidayRequests => Set<Selvstyrt.Domain.Absences.HolidayRequest>();
    public DbSet<Selvstyrt.Domain.Absences.HolidayRound> HolidayRounds => Set<Selvstyrt.Domain.Absences.HolidayRound>();
    public DbSet<Selvstyrt.Domain.Absences.HolidayCarryOver> HolidayCarryOvers => Set<Selvstyrt.Domain.Absences.HolidayCarryOver>();
    public DbSet<CompetenceKind> CompetenceKinds => Set<CompetenceKind>();
    public DbSet<AssistantCompetence> AssistantCompetences => Set<AssistantCompetence>();
    public DbSet<PoliceCertificate> PoliceCertificates => Set<PoliceCertificate>();
    public DbSet<ConfidentialityDeclaration> ConfidentialityDeclarations => Set<ConfidentialityDeclaration>();
    public DbSet<EmploymentContract> EmploymentContracts => Set<EmploymentContract>();
    public DbSet<JobPosting> JobPostings => Set<JobPosting>();
    public DbSet<ReferenceLetter> ReferenceLetters => Set<ReferenceLetter>();
    public DbSet<Talk> Talks => Set<Talk>();
    public DbSet<Selvstyrt.Domain.Quality.Incident> Incidents => Set<Selvstyrt.Domain.Quality.Incident>();
    public DbSet<Selvstyrt.Domain.Quality.RiskAnalysis> RiskAnalyses => Set<Selvstyrt.Domain.Quality.RiskAnalysis>();
    public DbSet<Selvstyrt.Domain.Quality.Survey> Surveys => Set<Selvstyrt.Domain.Quality.Survey>();
    public DbSet<Selvstyrt.Domain.Quality.SurveyInvitation> SurveyInvitations => Set<Selvstyrt.Domain.Quality.SurveyInvitation>();
    public DbSet<Selvstyrt.Domain.Quality.SurveyResponse> SurveyResponses => Set<Selvstyrt.Domain.Quality.SurveyResponse>();
    public DbSet<Selvstyrt.Domain.Quality.Supplier> Suppliers => Set<Selvstyrt.Domain.Quality.Supplier>();
    public DbSet<Selvstyrt.Domain.Quality.InformationRequest> InformationRequests => Set<Selvstyrt.Domain.Quality.InformationRequest>();
    public DbSet<Selvstyrt.Domain.Quality.TransparencyStatement> TransparencyStatements => Set<Selvstyrt.Domain.Quality.TransparencyStatement>();
    public DbSet<Selvstyrt.Domain.Quality.WheelTask> WheelTasks => Set<Selvstyrt.Domain.Quality.WheelTask>();
    public DbSet<Selvstyrt.Domain.Quality.Audit> Audits => Set<Selvstyrt.Domain.Quality.Audit>();
    public DbSet<Selvstyrt.Domain.Quality.WorkplaceMapping> WorkplaceMappings => Set<Selvstyrt.Domain.Quality.WorkplaceMapping>();
    public DbSet<Selvstyrt.Domain.Quality.HandbookDocument> HandbookDocuments => Set<Selvstyrt.Domain.Quality.HandbookDocument>();
    public DbSet<Selvstyrt.Domain.Quality.ReadConfirmation> ReadConfirmations => Set<Selvstyrt.Domain.Quality.ReadConfirmation>();
    public DbSet<Selvstyrt.Domain.Quality.PlanMeasure> PlanMeasures => Set<Selvstyrt.Domain.Quality.PlanMeasure>();
    public DbSet<TrainingItem> TrainingItems => Set<TrainingItem>();
    public DbSet<EmployerRequest> EmployerRequests => Set<EmployerRequest>();
    public DbSet<Applicant> Applicants => Set<Applicant>();
    public DbSet<Selvstyrt.Domain.Plans.ShiftSwap> ShiftSwaps => Set<Selvstyrt.Domain.Plans.ShiftSwap>();
    public DbSet<Selvstyrt.Domain.Absences.AbsenceShift> AbsenceShifts => Set<Selvstyrt.Domain.Absences.AbsenceShift>();
    public DbSet<Selvstyrt.Domain.Absences.ShiftOffer> ShiftOffers => Set<Selvstyrt.Domain.Absences.ShiftOffer>();
    public DbSet<Selvstyrt.Domain.Absences.ShiftOfferRecipient> ShiftOfferRecipients => Set<Selvstyrt.Domain.Absences.ShiftOfferRecipient>();
    public DbSet<Selvstyrt.Domain.Agreements.WorkingTimeAgreement> Agreements => Set<Selvstyrt.Domain.Agreements.WorkingTimeAgreement>();
    public DbSet<Selvstyrt.Domain.Agreements.AgreementVersion> AgreementVersions => Set<Selvstyrt.Domain.Agreements.AgreementVersion>();
    public DbSet<Selvstyrt.Domain.Agreements.AgreementDocument> AgreementDocuments => Set<Selvstyrt.Domain.Agreements.AgreementDocument>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<DecisionDocument> DecisionDocuments => Set<DecisionDocument>();
    public DbSet<WorkPlan> WorkPlans => Set<WorkPlan>();
    public DbSet<PlanShift> PlanShifts => Set<PlanShift>();
    public DbSet<PlanDiscussion> PlanDiscussions => Set<PlanDiscussion>();
    public DbSet<UnusedHours> UnusedHours => Set<UnusedHours>();
    public DbSet<OpeningBalance> OpeningBalances => Set<OpeningBalance>();
    public DbSet<MunicipalityContract> MunicipalityContracts => Set<MunicipalityContract>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Assistant> Assistants => Set<Assistant>();
    public DbSet<Employment> Employments => Set<Employment>();
    public DbSet<OtherEmployerHours> OtherEmployerHours => Set<OtherEmployerHours>();
    public DbSet<ShiftTemplate> ShiftTemplates => Set<ShiftTemplate>();
    public DbSet<PlanDeviation> PlanDeviations => Set<PlanDeviation>();
    public DbSet<PlanChange> PlanChanges => Set<PlanChange>();
    public DbSet<FindingOverride> FindingOverrides => Set<FindingOverride>();
    public DbSet<CoverageNeed> CoverageNeeds => Set<CoverageNeed>();
    public DbSet<PlanMark> PlanMarks => Set<PlanMark>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<TimeSheet> TimeSheets => Set<TimeSheet>();
    public DbSet<TimeEntry> TimeEntries => Set<TimeEntry>();
    public DbSet<SheetTransition> SheetTransitions => Set<SheetTransition>();
    public DbSet<PayrollExport> PayrollExports => Set<PayrollExport>();
    public DbSet<ExportedSheet> ExportedSheets => Set<ExportedSheet>();
    public DbSet<ProviderGrant> ProviderGrants => Set<ProviderGrant>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<OneTimeLink> OneTimeLinks => Set<OneTimeLink>();
    public DbSet<Selvstyrt.Domain.Imports.ImportDraft> ImportDrafts => Set<Selvstyrt.Domain.Imports.ImportDraft>();
    public DbSet<RoleChange> RoleChanges => Set<RoleChange>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<MailDelivery> MailDeliveries => Set<MailDelivery>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();
    public DbSet<Selvstyrt.Domain.Retention.RetentionRun> RetentionRuns => Set<Selvstyrt.Domain.Retention.RetentionRun>();
    public DbSet<Selvstyrt.Domain.Retention.ErasureRequest> ErasureRequests => Set<Selvstyrt.Domain.Retention.ErasureRequest>();

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        if (IsPostgres) return;
        configurationBuilder.Properties<Instant>().HaveConversion<SqliteConverters.InstantToTicks>();
        configurationBuilder.Properties<LocalDate>().HaveConversion<SqliteConverters.LocalDateToText>();
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SelvstyrtDb).Assembly);

        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(Entity).IsAssignableFrom(t.ClrType)).ToList())
        {
            builder.Entity(type.ClrType).Property(nameof(Entity.Id)).ValueGeneratedNever();
            if (!typeof(AggregateRoot).IsAssignableFrom(type.ClrType)) continue;
            if (IsPostgres)
            {
                builder.Entity(type.ClrType).Property<uint>("xmin").HasColumnType("xid").ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
            }
            else
            {
                builder.Entity(type.ClrType).Property<long>(VersionProperty).IsConcurrencyToken();
            }
        }
    }
}
