using NodaTime;

namespace Selvstyrt.Data.Sessions;

/// <summary>
/// A signed-in session kept on the server (quality.md S4): the cookie holds only this row's key,
/// so signing out or disabling a user ends the session for real.
/// </summary>
public sealed class UserSession
{
    public string Key { get; set; } = "";
    public Guid UserId { get; set; }
    public byte[] Ticket { get; set; } = [];
    public Instant CreatedAt { get; set; }
    public Instant ExpiresAt { get; set; }
}
