using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.People;
using Selvstyrt.Domain.Quality;

namespace Selvstyrt.Data.Configurations;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Severity).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Place).HasMaxLength(Incident.MaxShort);
        b.Property(x => x.WhatHappened).HasMaxLength(Incident.MaxText);
        b.Property(x => x.ImmediateAction).HasMaxLength(Incident.MaxText);
        b.Property(x => x.ReporterName).HasMaxLength(Incident.MaxShort);
        b.Property(x => x.ResponsibleName).HasMaxLength(Incident.MaxShort);
        b.Property(x => x.Cause).HasMaxLength(Incident.MaxText);
        b.Property(x => x.EscalatedBy).HasMaxLength(Incident.MaxShort);
        b.Property(x => x.EscalationNote).HasMaxLength(Incident.MaxText);
        b.Property(x => x.ClosedBy).HasMaxLength(Incident.MaxShort);
        b.Property(x => x.Evaluation).HasMaxLength(Incident.MaxText);
        b.Property(x => x.IdempotencyKey).HasMaxLength(100);
        b.Ignore(x => x.Status);
        b.Ignore(x => x.Duties);
        b.Ignore(x => x.HealthRelated);
        b.HasOne<Arrangement>().WithMany().HasForeignKey(x => x.ArrangementId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Office>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsMany(x => x.Measures, m =>
        {
            m.ToTable("IncidentMeasures");
            m.WithOwner().HasForeignKey("IncidentId");
            m.HasKey(x => x.Id);
            m.Property(x => x.Id).ValueGeneratedNever();
            m.Property(x => x.Text).HasMaxLength(Incident.MaxText);
            m.Property(x => x.Owner).HasMaxLength(Incident.MaxShort);
        });
        b.Navigation(x => x.Measures).HasField("_measures");
        b.OwnsMany(x => x.Notices, n =>
        {
            n.ToTable("IncidentNotices");
            n.WithOwner().HasForeignKey("IncidentId");
            n.HasKey(x => x.Id);
            n.Property(x => x.Id).ValueGeneratedNever();
            n.Property(x => x.Authority).HasConversion<string>().HasMaxLength(20);
            n.Property(x => x.Reference).HasMaxLength(Incident.MaxShort);
            n.Property(x => x.NotRequiredReason).HasMaxLength(Incident.MaxText);
            n.Property(x => x.By).HasMaxLength(Incident.MaxShort);
        });
        b.Navigation(x => x.Notices).HasField("_notices");
        b.HasIndex(x => new { x.ProviderId, x.OccurredAt });
        b.HasIndex(x => new { x.OfficeId, x.OccurredAt });
        b.HasIndex(x => new { x.ArrangementId, x.OccurredAt });
        b.HasIndex(x => x.ReporterUserId);
    }
}

internal sealed class RiskAnalysisConfiguration : IEntityTypeConfiguration<RiskAnalysis>
{
    public void Configure(EntityTypeBuilder<RiskAnalysis> b)
    {
        b.Property(x => x.Scope).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ApprovedBy).HasMaxLength(RiskAnalysis.MaxShort);
        b.Property(x => x.IdempotencyKey).HasMaxLength(100);
        b.HasOne<Arrangement>().WithMany().HasForeignKey(x => x.ArrangementId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Office>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsMany(x => x.Hazards, h =>
        {
            h.ToTable("RiskHazards");
            h.WithOwner().HasForeignKey("RiskAnalysisId");
            h.HasKey(x => x.Id);
            h.Property(x => x.Id).ValueGeneratedNever();
            h.Property(x => x.Description).HasMaxLength(RiskAnalysis.MaxText);
            h.Property(x => x.Measures).HasMaxLength(RiskAnalysis.MaxText);
            h.Property(x => x.Owner).HasMaxLength(RiskAnalysis.MaxShort);
            h.Ignore(x => x.Score);
            h.Ignore(x => x.ResidualScore);
            h.Ignore(x => x.Class);
            h.Ignore(x => x.ResidualClass);
        });
        b.Navigation(x => x.Hazards).HasField("_hazards");
        // One analysis per scope and year: the provider's, each office's, each arrangement's.
        b.HasIndex(x => new { x.ScopeId, x.Year }).IsUnique();
        b.HasIndex(x => x.ProviderId);
        b.HasIndex(x => x.ArrangementId);
        b.HasIndex(x => x.OfficeId);
    }
}

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.SentBy).HasMaxLength(200);
        b.Property(x => x.IdempotencyKey).HasMaxLength(100);
        b.OwnsMany(x => x.Questions, q =>
        {
            q.ToTable("SurveyQuestions");
            q.WithOwner().HasForeignKey("SurveyId");
            q.HasKey(x => x.Id);
            q.Property(x => x.Id).ValueGeneratedNever();
            q.Property(x => x.Key).HasMaxLength(40);
            q.Property(x => x.Text).HasMaxLength(400);
        });
        b.Navigation(x => x.Questions).HasField("_questions");
        b.HasIndex(x => new { x.ProviderId, x.Kind, x.Year });
    }
}

internal sealed class SurveyInvitationConfiguration : IEntityTypeConfiguration<SurveyInvitation>
{
    public void Configure(EntityTypeBuilder<SurveyInvitation> b)
    {
        b.HasOne<Survey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
        // One invitation per person and survey.
        b.HasIndex(x => new { x.SurveyId, x.UserId }).IsUnique();
        b.HasIndex(x => x.UserId);
    }
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> b)
    {
        b.HasOne<Survey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.OwnsMany(x => x.Scores, s =>
        {
            s.ToTable("SurveyScores");
            s.WithOwner().HasForeignKey("ResponseId");
            s.HasKey(x => x.Id);
            s.Property(x => x.Id).ValueGeneratedNever();
            s.Property(x => x.Key).HasMaxLength(40);
        });
        b.Navigation(x => x.Scores).HasField("_scores");
        b.HasIndex(x => new { x.SurveyId, x.OfficeId });
    }
}

internal sealed class SupplierConfiguration : IEntityTypeConfiguration<Supplier>
{
    public void Configure(EntityTypeBuilder<Supplier> b)
    {
        b.Property(x => x.Name).HasMaxLength(Supplier.MaxShort);
        b.Property(x => x.OrganisationNumber).HasMaxLength(9);
        b.Property(x => x.Supplies).HasMaxLength(Supplier.MaxShort);
        b.Property(x => x.Country).HasMaxLength(100);
        b.Property(x => x.IdempotencyKey).HasMaxLength(100);
        b.OwnsMany(x => x.Assessments, a =>
        {
            a.ToTable("SupplierAssessments");
            a.WithOwner().HasForeignKey("SupplierId");
            a.HasKey(x => x.Id);
            a.Property(x => x.Id).ValueGeneratedNever();
            a.Property(x => x.Risk).HasConversion<string>().HasMaxLength(10);
            a.Property(x => x.Findings).HasMaxLength(Supplier.MaxText);
            a.Property(x => x.Measures).HasMaxLength(Supplier.MaxText);
            a.Property(x => x.AssessedBy).HasMaxLength(Supplier.MaxShort);
        });
        b.Navigation(x => x.Assessments).HasField("_assessments");
        b.HasIndex(x => x.ProviderId);
    }
}

internal sealed class InformationRequestConfiguration : IEntityTypeConfiguration<InformationRequest>
{
    public void Configure(EntityTypeBuilder<InformationRequest> b)
    {
        b.Property(x => x.FromName).HasMaxLength(Supplier.MaxShort);
        b.Property(x => x.Question).HasMaxLength(Supplier.MaxText);
        b.Property(x => x.Answer).HasMaxLength(Supplier.MaxText);
        b.Property(x => x.AnsweredBy).HasMaxLength(Supplier.MaxShort);
        b.Property(x => x.IdempotencyKey).HasMaxLength(100);
        b.Ignore(x => x.DueOn);
        b.Ignore(x => x.OnTime);
        b.HasIndex(x => new { x.ProviderId, x.ReceivedOn });
    }
}

internal sealed class TransparencyStatementConfiguration : IEntityTypeConfiguration<TransparencyStatement>
{
    public void Configure(EntityTypeBuilder<TransparencyStatement> b)
    {
        b.Property(x => x.Organisation).HasMaxLength(Supplier.MaxText);
        b.Property(x => x.Routines).HasMaxLength(Supplier.MaxText);
        b.Property(x => x.BoardSignatories).HasMaxLength(Supplier.MaxShort * 2);
        b.Property(x => x.IdempotencyKey).HasMaxLength(100);
        b.Ignore(x => x.DueOn);
        // One statement per provider and year.
        b.HasIndex(x => new { x.ProviderId, x.Year }).IsUnique();
    }
}

internal sealed class WheelTaskConfiguration : IEntityTypeConfiguration<WheelTask>
{
    public void Configure(EntityTypeBuilder<WheelTask> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Title).HasMaxLength(WheelTask.MaxTitle);
        b.Property(x => x.Why).HasMaxLength(WheelTask.MaxText);
        b.Property(x => x.Page).HasMaxLength(40);
        b.Property(x => x.DoneBy).HasMaxLength(WheelTask.MaxTitle);
        b.Property(x => x.Note).HasMaxLength(WheelTask.MaxText);
        b.Ignore(x => x.Period);
        b.HasOne<Arrangement>().WithMany().HasForeignKey(x => x.ArrangementId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Office>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ArrangementId, x.Year });
        b.HasIndex(x => new { x.OfficeId, x.Year });
        b.HasIndex(x => new { x.DoneOn, x.DueOn });
    }
}

internal sealed class AuditConfiguration : IEntityTypeConfiguration<Audit>
{
    public void Configure(EntityTypeBuilder<Audit> b)
    {
        b.Property(x => x.Scope).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(Audit.MaxShort);
        b.Property(x => x.Area).HasMaxLength(Audit.MaxShort);
        b.Property(x => x.Criteria).HasMaxLength(Audit.MaxText);
        b.Property(x => x.Lead).HasMaxLength(Audit.MaxShort);
        b.Property(x => x.Summary).HasMaxLength(Audit.MaxText);
        b.Property(x => x.ClosedBy).HasMaxLength(Audit.MaxShort);
        b.Property(x => x.Conclusion).HasMaxLength(Audit.MaxText);
        b.Property(x => x.IdempotencyKey).HasMaxLength(100);
        b.Ignore(x => x.Status);
        b.HasOne<Arrangement>().WithMany().HasForeignKey(x => x.ArrangementId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Office>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsMany(x => x.Findings, f =>
        {
            f.ToTable("AuditFindings");
            f.WithOwner().HasForeignKey("AuditId");
            f.HasKey(x => x.Id);
            f.Property(x => x.Id).ValueGeneratedNever();
            f.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            f.Property(x => x.Description).HasMaxLength(Audit.MaxText);
            f.Property(x => x.Requirement).HasMaxLength(Audit.MaxShort);
            f.Ignore(x => x.Open);
            f.OwnsMany(x => x.Measures, m =>
            {
                m.ToTable("AuditFindingMeasures");
                m.WithOwner().HasForeignKey("AuditFindingId");
                m.HasKey(x => x.Id);
                m.Property(x => x.Id).ValueGeneratedNever();
                m.Property(x => x.Text).HasMaxLength(Audit.MaxText);
                m.Property(x => x.Owner).HasMaxLength(Audit.MaxShort);
            });
            f.Navigation(x => x.Measures).HasField("_measures");
        });
        b.Navigation(x => x.Findings).HasField("_findings");
        b.HasIndex(x => new { x.ProviderId, x.PlannedOn });
        b.HasIndex(x => x.OfficeId);
        b.HasIndex(x => x.ArrangementId);
    }
}

internal sealed class WorkplaceMappingConfiguration : IEntityTypeConfiguration<WorkplaceMapping>
{
    public void Configure(EntityTypeBuilder<WorkplaceMapping> b)
    {
        b.Property(x => x.SignedBy).HasMaxLength(WorkplaceMapping.MaxShort);
        b.Property(x => x.Participants).HasMaxLength(WorkplaceMapping.MaxShort);
        b.Property(x => x.IdempotencyKey).HasMaxLength(100);
        b.Ignore(x => x.Answered);
        b.HasOne<Arrangement>().WithMany().HasForeignKey(x => x.ArrangementId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Office>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsMany(x => x.Items, i =>
        {
            i.ToTable("MappingItems");
            i.WithOwner().HasForeignKey("WorkplaceMappingId");
            i.HasKey(x => x.Id);
            i.Property(x => x.Id).ValueGeneratedNever();
            i.Property(x => x.Key).HasMaxLength(50);
            i.Property(x => x.Area).HasConversion<string>().HasMaxLength(20);
            i.Property(x => x.Text).HasMaxLength(WorkplaceMapping.MaxShort * 2);
            i.Property(x => x.Answer).HasConversion<string>().HasMaxLength(20);
            i.Property(x => x.Comment).HasMaxLength(WorkplaceMapping.MaxText);
            i.Property(x => x.Measure).HasMaxLength(WorkplaceMapping.MaxText);
            i.Property(x => x.Owner).HasMaxLength(WorkplaceMapping.MaxShort);
        });
        b.Navigation(x => x.Items).HasField("_items");
        b.HasIndex(x => new { x.ArrangementId, x.Year }).IsUnique();
        b.HasIndex(x => x.OfficeId);
    }
}

internal sealed class HandbookDocumentConfiguration : IEntityTypeConfiguration<HandbookDocument>
{
    public void Configure(EntityTypeBuilder<HandbookDocument> b)
    {
        b.Property(x => x.Section).HasMaxLength(HandbookDocument.MaxTitle);
        b.Property(x => x.Title).HasMaxLength(HandbookDocument.MaxTitle);
        b.Property(x => x.IdempotencyKey).HasMaxLength(100);
        b.Ignore(x => x.Current);
        b.OwnsMany(x => x.Versions, v =>
        {
            v.ToTable("HandbookVersions");
            v.WithOwner().HasForeignKey("HandbookDocumentId");
            v.HasKey(x => x.Id);
            v.Property(x => x.Id).ValueGeneratedNever();
            v.Property(x => x.Text).HasMaxLength(HandbookDocument.MaxText);
            v.Property(x => x.ChangeNote).HasMaxLength(HandbookDocument.MaxNote);
            v.Property(x => x.PublishedBy).HasMaxLength(HandbookDocument.MaxTitle);
        });
        b.Navigation(x => x.Versions).HasField("_versions");
        b.HasIndex(x => x.ProviderId);
    }
}

internal sealed class ReadConfirmationConfiguration : IEntityTypeConfiguration<ReadConfirmation>
{
    public void Configure(EntityTypeBuilder<ReadConfirmation> b)
    {
        b.HasOne<HandbookDocument>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.DocumentId, x.VersionNumber, x.UserId }).IsUnique();
        b.HasIndex(x => x.UserId);
    }
}

internal sealed class PlanMeasureConfiguration : IEntityTypeConfiguration<PlanMeasure>
{
    public void Configure(EntityTypeBuilder<PlanMeasure> b)
    {
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.QuestionKey).HasMaxLength(50);
        b.Property(x => x.Text).HasMaxLength(PlanMeasure.MaxText);
        b.Property(x => x.Owner).HasMaxLength(PlanMeasure.MaxShort);
        b.Property(x => x.IdempotencyKey).HasMaxLength(100);
        b.HasOne<Office>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ProviderId, x.DueOn });
        b.HasIndex(x => x.SurveyId);
    }
}
