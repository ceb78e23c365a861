using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Selvstyrt.Data.Identity;
using Selvstyrt.Domain.Notifications;
using Selvstyrt.Domain.People;
using Selvstyrt.Domain.Users;

namespace Selvstyrt.Data.Configurations;

internal sealed class OneTimeLinkConfiguration : IEntityTypeConfiguration<OneTimeLink>
{
    public void Configure(EntityTypeBuilder<OneTimeLink> b)
    {
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => new { x.UserId, x.Purpose });
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportDraftConfiguration : IEntityTypeConfiguration<Selvstyrt.Domain.Imports.ImportDraft>
{
    public void Configure(EntityTypeBuilder<Selvstyrt.Domain.Imports.ImportDraft> b)
    {
        b.Property(x => x.FileName).HasMaxLength(200);
        b.HasIndex(x => new { x.UserId, x.CreatedAt });
        b.HasOne<Provider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Property(x => x.ToAddress).HasMaxLength(254);
        b.Property(x => x.ToName).HasMaxLength(200);
        b.Property(x => x.Subject).HasMaxLength(300);
        b.Property(x => x.TextBody).HasMaxLength(20_000);
        b.Property(x => x.Kind).HasMaxLength(50);
        b.Property(x => x.DedupKey).HasMaxLength(200);
        b.Property(x => x.LastError).HasMaxLength(500);
        b.HasIndex(x => x.DedupKey).IsUnique();
        b.HasIndex(x => new { x.SentAt, x.GaveUpAt, x.NextAttemptAt });
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class MailDeliveryConfiguration : IEntityTypeConfiguration<MailDelivery>
{
    public void Configure(EntityTypeBuilder<MailDelivery> b)
    {
        b.Property(x => x.Detail).HasMaxLength(500);
        b.HasOne<OutboxMessage>().WithMany().HasForeignKey(x => x.MessageId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.MessageId);
    }
}

internal sealed class RoleChangeConfiguration : IEntityTypeConfiguration<RoleChange>
{
    public void Configure(EntityTypeBuilder<RoleChange> b)
    {
        b.HasIndex(x => new { x.ProviderId, x.At });
        b.HasIndex(x => x.UserId);
    }
}
