using Microsoft.EntityFrameworkCore;
using Selvstyrt.Data;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Users;
using Selvstyrt.Web.Features.Users;

namespace Selvstyrt.Web.Features.Assistants;

/// <summary>
/// Gives an assistant their own sign-in: an invitation to the assistant's e-mail (or the one given), linking the account to the
/// assistant record, recorded in the role log like every grant. The assistant then sees their plan, time sheets and profile.
/// </summary>
public sealed class AssistantLogin(SelvstyrtDb db, Invitations invitations)
{
    public async Task<Result<Invitations.Invited>> InviteAsync(Guid assistantId, string? email, CancellationToken ct)
    {
        var assistant = await db.Assistants.AsNoTracking().Where(a => a.Id == assistantId).Select(a => new { a.FullName, a.Email }).SingleOrDefaultAsync(ct);
        if (assistant is null) return new NotFound();
        var address = string.IsNullOrWhiteSpace(email) ? assistant.Email : email;
        if (string.IsNullOrWhiteSpace(address)) return Invalid.Field("email", "Assistenten har ingen e-postadresse. Skriv den inn først.");
        // The assistant record is the scope: one invitation per record and address, however often the button is pressed.
        return await invitations.InviteAsync(new Invitations.Command(address, assistant.FullName, RoleKind.Assistant, assistantId, $"assistant:{assistantId:N}"), ct);
    }
}
