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
