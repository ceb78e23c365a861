using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Selvstyrt.Data.Identity;
using Selvstyrt.Data.Interceptors;
using Selvstyrt.Data.Sessions;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Agreements;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Billing;
using Selvstyrt.Domain.HourAccounts;
using Selvstyrt.Domain.Notifications;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Domain.People;
using Selvstyrt.Domain.TimeSheets;

namespace Selvstyrt.Data.Configurations;

internal sealed class ProviderConfiguration : IEntityTypeConfiguration<Provider>
{
    public void Configure(EntityTypeBuilder<Provider> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.OrganisationNumber).HasMaxLength(9);
        b.Property(x => x.TariffId).HasMaxLength(40);
        b.Property(x => x.WageTypes).HasMaxLength(2000);
        b.HasIndex(x => x.OrganisationNumber).IsUnique();
    }
}

internal sealed class OfficeConfiguration : IEntityTypeConfiguration<Office>
{
    public void Configure(EntityTypeBuilder<Office> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Region).HasMaxLength(100);
        b.HasOne<Provider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> b)
    {
        b.Property(x => x.Number).HasMaxLength(4);
        b.Property(x => x.Name).HasMaxLength(100);
        b.HasIndex(x => x.Number).IsUnique();
    }
}

internal sealed class RecipientConfiguration : IEntityTypeConfiguration<Recipient>
{
    public void Configure(EntityTypeBuilder<Recipient> b)
    {
        b.Property(x => x.FullName).HasMaxLength(200);
        b.HasOne<Provider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ArrangementConfiguration : IEntityTypeConfiguration<Arrangement>
{
    public void Configure(EntityTypeBuilder<Arrangement> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.EmployerModel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.RequiredCompetences).HasConversion(PartsConversion.Lines, PartsConversion.LinesComparer).HasMaxLength(1000);
        b.HasOne<Provider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Office>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Recipient>().WithMany().HasForeignKey(x => x.RecipientId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Assignments).WithOne().HasForeignKey(x => x.ArrangementId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Roles).WithOne().HasForeignKey(x => x.ArrangementId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ProviderId, x.MunicipalityId });
        b.HasIndex(x => x.OfficeId);
    }
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> b)
    {
        b.HasOne<Assistant>().WithMany().HasForeignKey(x => x.AssistantId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.AssistantId, x.ArrangementId });
        b.Property(x => x.Relation).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.RelativeApprovalReference).HasMaxLength(100);
    }
}

internal sealed class ArrangementRoleConfiguration : IEntityTypeConfiguration<ArrangementRole>
{
    public void Configure(EntityTypeBuilder<ArrangementRole> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.UserId, x.ArrangementId });
    }
}

internal sealed class AbsenceConfiguration : IEntityTypeConfiguration<Selvstyrt.Domain.Absences.Absence>
{
    public void Configure(EntityTypeBuilder<Selvstyrt.Domain.Absences.Absence> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Ignore(x => x.Period);
        b.HasOne<Provider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Assistant>().WithMany().HasForeignKey(x => x.AssistantId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.AssistantId, x.From });
        b.HasMany(x => x.Shifts).WithOne().HasForeignKey(x => x.AbsenceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HolidayRequestConfiguration : IEntityTypeConfiguration<Selvstyrt.Domain.Absences.HolidayRequest>
{
    public void Configure(EntityTypeBuilder<Selvstyrt.Domain.Absences.HolidayRequest> b)
    {
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.RefusalReason).HasMaxLength(Selvstyrt.Domain.Absences.HolidayRequest.MaxReason);
        b.Property(x => x.DecidedByName).HasMaxLength(200);
        b.HasOne<Provider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Assistant>().WithMany().HasForeignKey(x => x.AssistantId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.AssistantId, x.From });
    }
}

internal sealed class HolidayRoundConfiguration : IEntityTypeConfiguration<Selvstyrt.Domain.Absences.HolidayRound>
{
    public void Configure(EntityTypeBuilder<Selvstyrt.Domain.Absences.HolidayRound> b)
    {
        b.HasOne<Arrangement>().WithMany().HasForeignKey(x => x.ArrangementId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ArrangementId, x.Year }).IsUnique();
    }
}

internal sealed class HolidayCarryOverConfiguration : IEntityTypeConfiguration<Selvstyrt.Domain.Absences.HolidayCarryOver>
{
    public void Configure(EntityTypeBuilder<Selvstyrt.Domain.Absences.HolidayCarryOver> b)
    {
        b.HasOne<Assistant>().WithMany().HasForeignKey(x => x.AssistantId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.AssistantId, x.FromYear }).IsUnique();
    }
}

internal sealed class CompetenceKindConfiguration : IEntityTypeConfiguration<CompetenceKind>
{
    public void Configure(EntityTypeBuilder<CompetenceKind> b)
    {
        b.Property(x => x.Name).HasMaxLength(CompetenceKind.MaxName);
        b.HasOne<Provider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ProviderId, x.Name }).IsUnique();
    }
}

internal sealed class AssistantCompetenceConfiguration : IEntityTypeConfiguration<AssistantCompetence>
{
    public void Configure(EntityTypeBuilder<AssistantCompetence> b)
    {
        b.Property(x => x.By).HasMaxLength(AssistantCompetence.MaxBy);
        b.HasOne<Assistant>().WithMany().HasForeignKey(x => x.AssistantId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CompetenceKind>().WithMany().HasForeignKey(x => x.KindId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.AssistantId);
    }
}

internal sealed class PoliceCertificateConfiguration : IEntityTypeConfiguration<PoliceCertificate>
{
    public void Configure(EntityTypeBuilder<PoliceCertificate> b)
    {
        b.HasOne<Assistant>().WithMany().HasForeignKey(x => x.AssistantId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Employment>().WithMany().HasForeignKey(x => x.EmploymentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.EmploymentId).IsUnique();
        b.HasIndex(x => x.AssistantId);
    }
}

internal sealed class ConfidentialityDeclarationConfiguration : IEntityTypeConfiguration<ConfidentialityDeclaration>
{
    public void Configure(EntityTypeBuilder<ConfidentialityDeclaration> b)
    {
        b.Property(x => x.TextVersion).HasMaxLength(20);
        b.HasOne<Assistant>().WithMany().HasForeignKey(x => x.AssistantId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.AssistantId);
    }
}

internal sealed class EmploymentContractConfiguration : IEntityTypeConfiguration<EmploymentContract>
{
    public void Configure(EntityTypeBuilder<EmploymentContract> b)
    {
        foreach (var part in ContractParts.All)
            b.Property<string?>(part.ToString()).HasMaxLength(EmploymentContract.MaxPart).UsePropertyAccessMode(PropertyAccessMode.Property);
        b.Property(x => x.Terms).HasMaxLength(4000);
        b.Property(x => x.EmployerSignedBy).HasMaxLength(200);
        b.Property(x => x.IdempotencyKey).HasMaxLength(100);
        b.HasOne<Assistant>().WithMany().HasForeignKey(x => x.AssistantId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Employment>().WithMany().HasForeignKey(x => x.EmploymentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.EmploymentId);
        b.HasIndex(x => x.AssistantId);
    }
}

internal sealed class ReferenceLetterConfiguration : IEntityTypeConfiguration<ReferenceLetter>
{
    public void Configure(EntityTypeBuilder<ReferenceLetter> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Work).HasMaxLength(ReferenceLetter.MaxWork);
        b.Property(x => x.PositionPercent).HasPrecision(5, 2);
        b.Property(x => x.IssuedBy).HasMaxLength(200);
        b.Property(x => x.IssuerName).HasMaxLength(200);
        b.Property(x => x.IdempotencyKey).HasMaxLength(100);
        b.HasOne<Assistant>().WithMany().HasForeignKey(x => x.AssistantId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Employment>().WithMany().HasForeignKey(x => x.EmploymentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.AssistantId);
    }
}

internal sealed class TalkConfiguration : IEntityTypeConfiguration<Talk>
{
    public void Configure(EntityTypeBuilder<Talk> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Subject).HasMaxLength(Talk.MaxName);
        b.Property(x => x.Present).HasMaxLength(Talk.MaxName * 2);
        b.Property(x => x.UnionRepresentative).HasMaxLength(Talk.MaxName);
        b.Property(x => x.Minutes).HasMaxLength(Talk.MaxText);
        b.Property(x => x.Agreed).HasMaxLength(Talk.MaxText);
        b.Property(x => x.MinutesBy).HasMaxLength(Talk.MaxName);
        b.Property(x => x.LeaderAcceptedBy).HasMaxLength(Talk.MaxName);
        b.Property(x => x.AssistantComment).HasMaxLength(Talk.MaxNote);
        b.Property(x => x.IdempotencyKey).HasMaxLength(100);
        b.Ignore(x => x.Status);
        b.HasOne<Arrangement>().WithMany().HasForeignKey(x => x.ArrangementId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Assistant>().WithMany().HasForeignKey(x => x.AssistantId).OnDelete(DeleteBehavior.Cascade);
        b.OwnsMany(x => x.Notes, n =>
        {
            n.ToTable("TalkNotes");
            n.WithOwner().HasForeignKey("TalkId");
            n.HasKey(x => x.Id);
            n.Property(x => x.Id).ValueGeneratedNever();
            n.Property(x => x.Side).HasConversion<string>().HasMaxLength(20);
            n.Property(x => x.Topic).HasConversion<string>().HasMaxLength(20);
            n.Property(x => x.Notes).HasMaxLength(Talk.MaxNote);
            n.Property(x => x.Goal).HasMaxLength(Talk.MaxNote);
        });
        b.Navigation(x => x.Notes).HasField("_notes");
        b.HasIndex(x => new { x.ArrangementId, x.AssistantId });
        b.HasIndex(x => x.AssistantId);
    }
}

internal sealed class TrainingItemConfiguration : IEntityTypeConfiguration<TrainingItem>
{
    public void Configure(EntityTypeBuilder<TrainingItem> b)
    {
        b.Property(x => x.Topic).HasMaxLength(TrainingItem.MaxTopic);
        b.Property(x => x.Trainer).HasMaxLength(TrainingItem.MaxTopic);
        b.Property(x => x.DoneBy).HasMaxLength(TrainingItem.MaxTopic);
        b.Property(x => x.IdempotencyKey).HasMaxLength(100);
        b.Ignore(x => x.IsOpen);
        b.HasOne<Arrangement>().WithMany().HasForeignKey(x => x.ArrangementId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Assistant>().WithMany().HasForeignKey(x => x.AssistantId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CompetenceKind>().WithMany().HasForeignKey(x => x.CompetenceKindId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.ArrangementId, x.AssistantId });
        b.HasIndex(x => x.AssistantId);
    }
}

internal sealed class EmployerRequestConfiguration : IEntityTypeConfiguration<EmployerRequest>
{
    public void Configure(EntityTypeBuilder<EmployerRequest> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Text).HasMaxLength(EmployerRequest.MaxText);
        b.Property(x => x.Answer).HasMaxLength(EmployerRequest.MaxText);
        b.Property(x => x.AskedBy).HasMaxLength(200);
        b.Property(x => x.AnsweredBy).HasMaxLength(200);
        b.Property(x => x.IdempotencyKey).HasMaxLength(100);
        b.Ignore(x => x.IsAnswered);
        b.HasOne<Arrangement>().WithMany().HasForeignKey(x => x.ArrangementId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Assistant>().WithMany().HasForeignKey(x => x.AssistantId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.ArrangementId, x.AskedAt });
    }
}

internal sealed class JobPostingConfiguration : IEntityTypeConfiguration<JobPosting>
{
    public void Configure(EntityTypeBuilder<JobPosting> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(JobPosting.MaxText);
        b.Property(x => x.AdText).HasMaxLength(JobPosting.MaxText);
        b.Property(x => x.InterviewGuide).HasMaxLength(JobPosting.MaxText);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.IdempotencyKey).HasMaxLength(100);
        b.HasOne<Arrangement>().WithMany().HasForeignKey(x => x.ArrangementId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Applicants).WithOne().HasForeignKey(x => x.PostingId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Applicants).HasField("_applicants");
        b.HasIndex(x => new { x.ArrangementId, x.Status });
    }
}

internal sealed class ApplicantConfiguration : IEntityTypeConfiguration<Applicant>
{
    public void Configure(EntityTypeBuilder<Applicant> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(254);
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.Summary).HasMaxLength(JobPosting.MaxText);
        b.Property(x => x.InterviewNotes).HasMaxLength(JobPosting.MaxText);
        b.Property(x => x.ChosenBy).HasMaxLength(200);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.OwnsMany(x => x.References, r =>
        {
            r.ToTable("ReferenceChecks");
            r.WithOwner().HasForeignKey("ApplicantId");
            r.HasKey(x => x.Id);
            // Ids are made here, so a new check found on a tracked applicant is inserted, not taken for an existing row.
            r.Property(x => x.Id).ValueGeneratedNever();
            r.Property(x => x.Name).HasMaxLength(200);
            r.Property(x => x.Relation).HasMaxLength(200);
            r.Property(x => x.Summary).HasMaxLength(JobPosting.MaxText);
        });
        b.Navigation(x => x.References).HasField("_references");
    }
}

internal sealed class ShiftSwapConfiguration : IEntityTypeConfiguration<ShiftSwap>
{
    public void Configure(EntityTypeBuilder<ShiftSwap> b)
    {
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Note).HasMaxLength(ShiftSwap.MaxNote);
        b.Property(x => x.ClosedReason).HasMaxLength(ShiftSwap.MaxNote);
        b.Property(x => x.DecidedByName).HasMaxLength(200);
        b.HasOne<Arrangement>().WithMany().HasForeignKey(x => x.ArrangementId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<WorkPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ArrangementId, x.State });
        b.HasIndex(x => new { x.FromAssistantId, x.State });
        b.HasIndex(x => new { x.ToAssistantId, x.State });
    }
}

internal sealed class AbsenceShiftConfiguration : IEntityTypeConfiguration<Selvstyrt.Domain.Absences.AbsenceShift>
{
    public void Configure(EntityTypeBuilder<Selvstyrt.Domain.Absences.AbsenceShift> b)
    {
        b.HasOne<Arrangement>().WithMany().HasForeignKey(x => x.ArrangementId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ArrangementId, x.Date });
    }
}

internal sealed class ShiftOfferConfiguration : IEntityTypeConfiguration<Selvstyrt.Domain.Absences.ShiftOffer>
{
    public void Configure(EntityTypeBuilder<Selvstyrt.Domain.Absences.ShiftOffer> b)
    {
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.OfferedByName).HasMaxLength(200);
        b.Property(x => x.ClosedReason).HasMaxLength(200);
        b.HasOne<Arrangement>().WithMany().HasForeignKey(x => x.ArrangementId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<WorkPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Recipients).WithOne().HasForeignKey(x => x.OfferId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.DeviationId, x.State });
        b.HasIndex(x => new { x.State, x.EscalateAt });
        b.HasIndex(x => new { x.ArrangementId, x.Date });
    }
}

internal sealed class ShiftOfferRecipientConfiguration : IEntityTypeConfiguration<Selvstyrt.Domain.Absences.ShiftOfferRecipient>
{
    public void Configure(EntityTypeBuilder<Selvstyrt.Domain.Absences.ShiftOfferRecipient> b)
    {
        b.Property(x => x.Answered).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Assistant>().WithMany().HasForeignKey(x => x.AssistantId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.AssistantId, x.Answered });
    }
}

internal sealed class ActingPeriodConfiguration : IEntityTypeConfiguration<ActingPeriod>
{
    public void Configure(EntityTypeBuilder<ActingPeriod> b)
    {
        b.Property(x => x.Reason).HasMaxLength(200);
        b.HasOne<Arrangement>().WithMany().HasForeignKey(x => x.ArrangementId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ArrangementRole>().WithMany().HasForeignKey(x => x.RoleId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.UserId, x.ArrangementId });
        b.HasIndex(x => new { x.ArrangementId, x.From });
    }
}

internal sealed class PlanDiscussionConfiguration : IEntityTypeConfiguration<PlanDiscussion>
{
    public void Configure(EntityTypeBuilder<PlanDiscussion> b)
    {
        b.Property(x => x.Participants).HasMaxLength(300);
        b.Property(x => x.Note).HasMaxLength(4000);
        b.Property(x => x.RecordedByName).HasMaxLength(200);
        b.HasOne<WorkPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.PlanId, x.On });
    }
}

internal sealed class RosterProposalConfiguration : IEntityTypeConfiguration<RosterProposal>
{
    public void Configure(EntityTypeBuilder<RosterProposal> b)
    {
        b.Property(x => x.StartedBy).HasMaxLength(200);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.RunningOn).HasMaxLength(200);
        b.Ignore(x => x.Stopped);
        b.HasOne<WorkPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.PlanId).IsUnique();
        b.HasIndex(x => x.State);
    }
}

internal sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> b)
    {
        b.Property(x => x.CaseNumber).HasMaxLength(50);
        b.Property(x => x.HoursPerWeek).HasPrecision(7, 2);
        b.Property(x => x.Hours).HasPrecision(9, 2);
        b.Property(x => x.Unit).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Averaging).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Unused).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.DocumentName).HasMaxLength(200);
        b.Property(x => x.IdempotencyKey).HasMaxLength(100);
        b.Ignore(x => x.Terms);
        b.HasOne<Arrangement>().WithMany().HasForeignKey(x => x.ArrangementId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Needs).WithOne().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Needs).AutoInclude();
        b.HasIndex(x => new { x.ArrangementId, x.ValidFrom });
        b.HasIndex(x => new { x.ArrangementId, x.IdempotencyKey }).IsUnique();
    }
}

internal sealed class DecisionNeedConfiguration : IEntityTypeConfiguration<DecisionNeed>
{
    public void Configure(EntityTypeBuilder<DecisionNeed> b)
    {
        b.Property(x => x.Need).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Hours).HasPrecision(9, 2);
    }
}

internal sealed class DecisionDocumentConfiguration : IEntityTypeConfiguration<DecisionDocument>
{
    public void Configure(EntityTypeBuilder<DecisionDocument> b)
    {
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.HasOne<Decision>().WithMany().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.DecisionId);
    }
}

internal sealed class WorkPlanConfiguration : IEntityTypeConfiguration<WorkPlan>
{
    public void Configure(EntityTypeBuilder<WorkPlan> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.PublishedBy).HasMaxLength(200);
        b.Property(x => x.IdempotencyKey).HasMaxLength(100);
        b.HasOne<Arrangement>().WithMany().HasForeignKey(x => x.ArrangementId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Shifts).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Deviations).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Changes).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Overrides).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Coverage).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Marks).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ArrangementId, x.Status });
        b.HasIndex(x => new { x.ArrangementId, x.IdempotencyKey }).IsUnique();
    }
}

internal sealed class PlanShiftConfiguration : IEntityTypeConfiguration<PlanShift>
{
    public void Configure(EntityTypeBuilder<PlanShift> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Passive).HasConversion(PartsConversion.Converter, PartsConversion.Comparer).HasMaxLength(500);
        b.HasOne<Assistant>().WithMany().HasForeignKey(x => x.AssistantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ShiftTemplate>().WithMany().HasForeignKey(x => x.TemplateId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ShiftTemplateConfiguration : IEntityTypeConfiguration<ShiftTemplate>
{
    public void Configure(EntityTypeBuilder<ShiftTemplate> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Passive).HasConversion(PartsConversion.Converter, PartsConversion.Comparer).HasMaxLength(500);
        b.Property(x => x.Competences).HasConversion(PartsConversion.Lines, PartsConversion.LinesComparer).HasMaxLength(1000);
        b.Property(x => x.IdempotencyKey).HasMaxLength(100);
        b.HasOne<Arrangement>().WithMany().HasForeignKey(x => x.ArrangementId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ArrangementId, x.IdempotencyKey }).IsUnique();
    }
}

internal sealed class PlanDeviationConfiguration : IEntityTypeConfiguration<PlanDeviation>
{
    public void Configure(EntityTypeBuilder<PlanDeviation> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ShiftKind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Note).HasMaxLength(300);
        b.HasOne<Assistant>().WithMany().HasForeignKey(x => x.AssistantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlanChangeConfiguration : IEntityTypeConfiguration<PlanChange>
{
    public void Configure(EntityTypeBuilder<PlanChange> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.By).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(1000);
        b.HasIndex(x => new { x.PlanId, x.At });
    }
}

internal sealed class FindingOverrideConfiguration : IEntityTypeConfiguration<FindingOverride>
{
    public void Configure(EntityTypeBuilder<FindingOverride> b)
    {
        b.Property(x => x.Rule).HasMaxLength(40);
        b.Property(x => x.Key).HasMaxLength(2000);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.By).HasMaxLength(200);
    }
}

internal sealed class CoverageNeedConfiguration : IEntityTypeConfiguration<CoverageNeed>
{
    public void Configure(EntityTypeBuilder<CoverageNeed> b) => b.Property(x => x.Days).HasConversion<int>();
}

internal sealed class PlanMarkConfiguration : IEntityTypeConfiguration<PlanMark>
{
    public void Configure(EntityTypeBuilder<PlanMark> b) => b.Property(x => x.Name).HasMaxLength(100);
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> b)
    {
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => x.AssistantId);
        b.HasOne<Assistant>().WithMany().HasForeignKey(x => x.AssistantId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Lists stored as one text column: shift parts as <c>offset+length;…</c>, competences one per line.</summary>
internal static class PartsConversion
{
    public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<IReadOnlyList<ShiftPart>, string> Converter =
        new(v => ShiftPart.Format(v), v => ShiftPart.Parse(v));

    public static readonly Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<IReadOnlyList<ShiftPart>> Comparer =
        new((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, p) => HashCode.Combine(h, p)), v => v.ToList());

    public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<IReadOnlyList<string>, string> Lines =
        new(v => string.Join('\n', v), v => v.Length == 0 ? new List<string>() : v.Split('\n', StringSplitOptions.None).ToList());

    /// <summary>Children as «2016;2019k» (birth years; «k» for chronically ill).</summary>
    public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<IReadOnlyList<Selvstyrt.Domain.Absences.CareChild>, string> Children =
        new(v => string.Join(';', v.Select(c => c.BirthYear.ToString(System.Globalization.CultureInfo.InvariantCulture) + (c.ChronicallyIll ? "k" : ""))),
            v => v.Length == 0 ? new List<Selvstyrt.Domain.Absences.CareChild>()
                : v.Split(';', StringSplitOptions.None).Select(p => new Selvstyrt.Domain.Absences.CareChild(int.Parse(p.TrimEnd('k'), System.Globalization.CultureInfo.InvariantCulture), p.EndsWith('k'))).ToList());

    public static readonly Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<IReadOnlyList<Selvstyrt.Domain.Absences.CareChild>> ChildrenComparer =
        new((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, p) => HashCode.Combine(h, p)), v => v.ToList());

    public static readonly Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<IReadOnlyList<string>> LinesComparer =
        new((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, p) => HashCode.Combine(h, p)), v => v.ToList());
}

internal sealed class UnusedHoursConfiguration : IEntityTypeConfiguration<UnusedHours>
{
    public void Configure(EntityTypeBuilder<UnusedHours> b)
    {
        b.Property(x => x.Hours).HasPrecision(7, 2);
        b.Property(x => x.Reason).HasMaxLength(300);
        b.Property(x => x.IdempotencyKey).HasMaxLength(100);
        b.HasOne<Arrangement>().WithMany().HasForeignKey(x => x.ArrangementId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ArrangementId, x.Date });
        b.HasIndex(x => new { x.ArrangementId, x.IdempotencyKey }).IsUnique();
    }
}

internal sealed class OpeningBalanceConfiguration : IEntityTypeConfiguration<OpeningBalance>
{
    public void Configure(EntityTypeBuilder<OpeningBalance> b)
    {
        b.Property(x => x.Hours).HasPrecision(9, 2);
        b.Property(x => x.Note).HasMaxLength(300);
        b.Property(x => x.IdempotencyKey).HasMaxLength(100);
        b.HasOne<Arrangement>().WithMany().HasForeignKey(x => x.ArrangementId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ArrangementId, x.IdempotencyKey }).IsUnique();
    }
}

internal sealed class MunicipalityContractConfiguration : IEntityTypeConfiguration<MunicipalityContract>
{
    public void Configure(EntityTypeBuilder<MunicipalityContract> b)
    {
        b.Property(x => x.HourlyRate).HasPrecision(9, 2);
        b.Property(x => x.WarnThresholdPercent).HasPrecision(5, 2);
        b.Property(x => x.Reference).HasMaxLength(100);
        b.Property(x => x.ReportContactName).HasMaxLength(200);
        b.Property(x => x.ReportContactEmail).HasMaxLength(254);
        b.HasOne<Provider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ProviderId, x.MunicipalityId, x.ValidFrom }).IsUnique();
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(x => x.Kind).HasMaxLength(50);
        b.Property(x => x.Subject).HasMaxLength(300);
        b.Property(x => x.Body).HasMaxLength(2000);
        b.Property(x => x.Link).HasMaxLength(300);
        b.Property(x => x.DedupKey).HasMaxLength(200);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.UserId, x.DedupKey }).IsUnique();
        b.HasIndex(x => x.SentAt);
    }
}

internal sealed class AssistantConfiguration : IEntityTypeConfiguration<Assistant>
{
    public void Configure(EntityTypeBuilder<Assistant> b)
    {
        b.Property(x => x.FullName).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(254);
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.EmployeeNumber).HasMaxLength(20);
        b.Property(x => x.IdempotencyKey).HasMaxLength(100);
        b.Property(x => x.CareChildren).HasConversion(PartsConversion.Children, PartsConversion.ChildrenComparer).HasMaxLength(200);
        b.HasOne<Provider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Office>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Employments).WithOne().HasForeignKey(x => x.AssistantId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.OtherEmployerHours).WithOne().HasForeignKey(x => x.AssistantId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ProviderId, x.IdempotencyKey }).IsUnique();
        // The employee number is the key of the payroll system and of a re-import: one assistant per number at a provider.
        b.HasIndex(x => new { x.ProviderId, x.EmployeeNumber }).IsUnique();
        b.HasIndex(x => x.UserId);
    }
}

internal sealed class EmploymentConfiguration : IEntityTypeConfiguration<Employment>
{
    public void Configure(EntityTypeBuilder<Employment> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.PositionPercent).HasPrecision(5, 2);
        b.Property(x => x.HourlyWage).HasPrecision(8, 2);
        b.Property(x => x.TemporaryBasis).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.EndReason).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.EndNote).HasMaxLength(2000);
        b.HasOne<Provider>().WithMany().HasForeignKey(x => x.EmployerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OtherEmployerHoursConfiguration : IEntityTypeConfiguration<OtherEmployerHours>
{
    public void Configure(EntityTypeBuilder<OtherEmployerHours> b)
    {
        b.Property(x => x.EmployerName).HasMaxLength(200);
        b.Property(x => x.HoursPerWeek).HasPrecision(5, 2);
        b.Ignore(x => x.IsConfirmed);
    }
}

internal sealed class ProviderGrantConfiguration : IEntityTypeConfiguration<ProviderGrant>
{
    public void Configure(EntityTypeBuilder<ProviderGrant> b)
    {
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(30);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Provider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Office>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.UserId);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b) => b.Property(x => x.DisplayName).HasMaxLength(200);
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.Property(x => x.Prefix).HasMaxLength(16);
        b.Property(x => x.SecretHash).HasMaxLength(64);
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasIndex(x => x.Prefix).IsUnique();
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(64);
        b.HasIndex(x => x.UserId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(x => x.Table).HasMaxLength(100);
        b.Property(x => x.EntityKey).HasMaxLength(200);
        b.Property(x => x.Action).HasMaxLength(20);
        b.Property(x => x.Actor).HasMaxLength(100);
        b.HasIndex(x => new { x.Table, x.EntityKey });
    }
}

internal sealed class AccessLogEntryConfiguration : IEntityTypeConfiguration<AccessLogEntry>
{
    public void Configure(EntityTypeBuilder<AccessLogEntry> b)
    {
        b.Property(x => x.Purpose).HasMaxLength(300);
        b.Property(x => x.What).HasMaxLength(100);
        b.Property(x => x.RequestId).HasMaxLength(100);
        b.Property(x => x.PreviousHash).HasMaxLength(64);
        b.Property(x => x.Hash).HasMaxLength(64);
        b.HasIndex(x => new { x.ArrangementId, x.At });
        // One row per place in a chain: two requests appending at once cannot both take the same number.
        b.HasIndex(x => new { x.ArrangementId, x.Sequence }).IsUnique().HasFilter("\"Sequence\" > 0");
    }
}

internal sealed class ArrangementTransferConfiguration : IEntityTypeConfiguration<ArrangementTransfer>
{
    public void Configure(EntityTypeBuilder<ArrangementTransfer> b)
    {
        b.Property(x => x.FromProvider).HasMaxLength(ArrangementTransfer.MaxName);
        b.Property(x => x.FromOrganisationNumber).HasMaxLength(9);
        b.Property(x => x.BundleSha256).HasMaxLength(64);
        b.Property(x => x.By).HasMaxLength(ArrangementTransfer.MaxName);
        b.HasOne<Provider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Arrangement>().WithMany().HasForeignKey(x => x.ArrangementId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.ArrangementId).IsUnique();
        b.HasIndex(x => new { x.ProviderId, x.BundleSha256 }).IsUnique();
    }
}

internal sealed class RetentionRunConfiguration : IEntityTypeConfiguration<Selvstyrt.Domain.Retention.RetentionRun>
{
    public void Configure(EntityTypeBuilder<Selvstyrt.Domain.Retention.RetentionRun> b)
    {
        b.Property(x => x.RuleKey).HasMaxLength(40);
        b.HasOne<Provider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ProviderId, x.RanOn });
    }
}

internal sealed class ErasureRequestConfiguration : IEntityTypeConfiguration<Selvstyrt.Domain.Retention.ErasureRequest>
{
    public void Configure(EntityTypeBuilder<Selvstyrt.Domain.Retention.ErasureRequest> b)
    {
        b.Property(x => x.Initials).HasMaxLength(20);
        b.Property(x => x.RegisteredBy).HasMaxLength(200);
        b.Property(x => x.Note).HasMaxLength(Selvstyrt.Domain.Retention.ErasureRequest.MaxNote);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.IdempotencyKey).HasMaxLength(100);
        b.HasOne<Provider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Assistant>().WithMany().HasForeignKey(x => x.AssistantId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.ProviderId, x.State });
        b.HasIndex(x => x.UserId);
        b.HasIndex(x => x.RecipientId);
    }
}

internal sealed class TimeSheetConfiguration : IEntityTypeConfiguration<TimeSheet>
{
    public void Configure(EntityTypeBuilder<TimeSheet> b)
    {
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.RejectionComment).HasMaxLength(500);
        b.Ignore(x => x.Effective);
        b.Ignore(x => x.AbsentDays);
        b.Ignore(x => x.PendingCorrections);
        b.HasOne<Provider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Arrangement>().WithMany().HasForeignKey(x => x.ArrangementId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Assistant>().WithMany().HasForeignKey(x => x.AssistantId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Entries).WithOne().HasForeignKey(x => x.SheetId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Transitions).WithOne().HasForeignKey(x => x.SheetId).OnDelete(DeleteBehavior.Cascade);
        // One sheet per assistant, arrangement and month: creating it twice finds the first (idempotent).
        b.HasIndex(x => new { x.AssistantId, x.ArrangementId, x.Month }).IsUnique();
        b.HasIndex(x => new { x.ProviderId, x.Month, x.State });
        b.HasIndex(x => new { x.ArrangementId, x.State });
    }
}

internal sealed class TimeEntryConfiguration : IEntityTypeConfiguration<TimeEntry>
{
    public void Configure(EntityTypeBuilder<TimeEntry> b)
    {
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.PlanKey).HasMaxLength(60);
        b.Property(x => x.Reason).HasMaxLength(300);
        b.Property(x => x.OvertimeReason).HasMaxLength(300);
        b.Property(x => x.ConfirmedBy).HasMaxLength(200);
        b.Property(x => x.CorrectionApprovedBy).HasMaxLength(200);
        b.HasIndex(x => new { x.SheetId, x.PlanKey });
        b.Ignore(x => x.Times);
    }
}

internal sealed class SheetTransitionConfiguration : IEntityTypeConfiguration<SheetTransition>
{
    public void Configure(EntityTypeBuilder<SheetTransition> b)
    {
        b.Property(x => x.From).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.To).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.By).HasMaxLength(200);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Comment).HasMaxLength(500);
        b.HasIndex(x => new { x.SheetId, x.At });
    }
}

internal sealed class PayrollExportConfiguration : IEntityTypeConfiguration<PayrollExport>
{
    public void Configure(EntityTypeBuilder<PayrollExport> b)
    {
        b.Property(x => x.Format).HasMaxLength(40);
        b.Property(x => x.By).HasMaxLength(200);
        b.Property(x => x.ByName).HasMaxLength(200);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Checksum).HasMaxLength(64);
        b.Property(x => x.TotalAmount).HasPrecision(14, 2);
        b.Property(x => x.IdempotencyKey).HasMaxLength(100);
        b.HasOne<Provider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Sheets).WithOne().HasForeignKey(x => x.ExportId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ProviderId, x.Month });
        b.HasIndex(x => new { x.ProviderId, x.IdempotencyKey }).IsUnique();
    }
}

internal sealed class ExportedSheetConfiguration : IEntityTypeConfiguration<ExportedSheet>
{
    public void Configure(EntityTypeBuilder<ExportedSheet> b)
    {
        b.HasOne<TimeSheet>().WithMany().HasForeignKey(x => x.SheetId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.SheetId);
    }
}

internal sealed class WorkingTimeAgreementConfiguration : IEntityTypeConfiguration<WorkingTimeAgreement>
{
    public void Configure(EntityTypeBuilder<WorkingTimeAgreement> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Scope).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Name).HasMaxLength(WorkingTimeAgreement.MaxName);
        b.Property(x => x.Union).HasMaxLength(WorkingTimeAgreement.MaxText);
        b.Property(x => x.Reference).HasMaxLength(WorkingTimeAgreement.MaxText);
        b.Property(x => x.DocumentName).HasMaxLength(200);
        b.Ignore(x => x.NightFrom);
        b.Ignore(x => x.NightTo);
        b.HasOne<Provider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Arrangement>().WithMany().HasForeignKey(x => x.ArrangementId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Members).AutoInclude();
        b.HasMany(x => x.Versions).WithOne().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ProviderId, x.ValidFrom });
    }
}

internal sealed class AgreementMemberConfiguration : IEntityTypeConfiguration<AgreementMember>
{
    public void Configure(EntityTypeBuilder<AgreementMember> b)
    {
        b.HasKey(x => new { x.AgreementId, x.AssistantId });
        b.HasOne<Assistant>().WithMany().HasForeignKey(x => x.AssistantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgreementVersionConfiguration : IEntityTypeConfiguration<AgreementVersion>
{
    public void Configure(EntityTypeBuilder<AgreementVersion> b)
    {
        b.Property(x => x.By).HasMaxLength(200);
        b.Property(x => x.Terms).HasMaxLength(1000);
        b.Property(x => x.Note).HasMaxLength(700);
        b.HasIndex(x => new { x.AgreementId, x.Number }).IsUnique();
    }
}

internal sealed class AgreementDocumentConfiguration : IEntityTypeConfiguration<AgreementDocument>
{
    public void Configure(EntityTypeBuilder<AgreementDocument> b)
    {
        b.Property(x => x.FileName).HasMaxLength(200);
        b.HasOne<WorkingTimeAgreement>().WithMany().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.AgreementId);
    }
}
