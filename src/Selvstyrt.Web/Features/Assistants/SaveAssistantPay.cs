using Microsoft.EntityFrameworkCore;
using Selvstyrt.Data;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.People;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Features.Assistants;

/// <summary>
/// An assistant's payroll details: the employee number in the payroll system and the hourly wage of the current
/// employment. The provider's administrator and the coordinator of the assistant's office change them; nobody else.
/// </summary>
public sealed class SaveAssistantPay(SelvstyrtDb db, CurrentUser user)
{
    public static Task<bool> ManagesAsync(SelvstyrtDb db, Guid userId, Assistant assistant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(assistant);
        // A record restricted after an erasure request is managed by no one: nothing about it changes (ADR 0033).
        if (assistant.RestrictedOn is not null) return Task.FromResult(false);
        return db.ProviderGrants.AnyAsync(g => g.UserId == userId && g.ProviderId == assistant.ProviderId
            && (g.Role == ProviderRole.ProviderAdmin || (g.Role == ProviderRole.OfficeCoordinator && g.OfficeId == assistant.OfficeId)), ct);
    }

    /// <summary>Whether the user is the administrator of the assistant's provider (who alone reads a restricted record).</summary>
    public static Task<bool> AdministersAsync(SelvstyrtDb db, Guid userId, Assistant assistant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(assistant);
        return db.ProviderGrants.AnyAsync(g => g.UserId == userId && g.ProviderId == assistant.ProviderId && g.Role == ProviderRole.ProviderAdmin, ct);
    }

    public async Task<Result<Guid>> HandleAsync(Guid assistantId, string? employeeNumber, string? hourlyWage, CancellationToken ct)
    {
        var assistant = await db.Assistants.Include(a => a.Employments).FirstOrDefaultAsync(a => a.Id == assistantId, ct);
        if (assistant is null || !await ManagesAsync(db, user.Id, assistant, ct)) return new NotFound();
        var fields = new Dictionary<string, string>();
        decimal? wage = null;
        if (!string.IsNullOrWhiteSpace(hourlyWage))
        {
            if (Shared.Forms.FormInput.TryParseNumber(hourlyWage, out var w)) wage = w;
            else fields["hourlyWage"] = "Skriv timelønnen som et tall, for eksempel 245,50.";
        }
        var number = assistant.SetEmployeeNumber(employeeNumber);
        if (!number.IsSuccess) foreach (var (k, v) in ((Invalid)number.Error!).Fields) fields[k] = v;
        else if (assistant.EmployeeNumber is { } taken
            && await db.Assistants.AnyAsync(a => a.ProviderId == assistant.ProviderId && a.Id != assistant.Id && a.EmployeeNumber == taken, ct))
            fields["employeeNumber"] = "Ansattnummeret er allerede brukt av en annen assistent.";
        var employment = assistant.EmploymentOn(user.Today) ?? assistant.Employments.OrderByDescending(e => e.Start).FirstOrDefault();
        if (employment is null) fields["hourlyWage"] = "Assistenten har ikke noe arbeidsforhold å sette timelønn på.";
        else if (!fields.ContainsKey("hourlyWage"))
        {
            var set = employment.SetHourlyWage(wage);
            if (!set.IsSuccess) foreach (var (k, v) in ((Invalid)set.Error!).Fields) fields[k] = v;
        }
        if (fields.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new Invalid(fields);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict();
        }
        return assistant.Id;
    }
}
