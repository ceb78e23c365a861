using System.Security.Claims;
using NodaTime;

namespace Selvstyrt.Web.Auth;

/// <summary>Claim types of our own.</summary>
public static class SelvstyrtClaims
{
    /// <summary>The purpose an auditor stated for this session (Normen: why did they look).</summary>
    public const string Purpose = "selvstyrt:purpose";
    public const string DisplayName = "selvstyrt:name";
}

/// <summary>The signed-in user of this request, and «today» in Norway by the injected clock.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor, IClock clock)
{
    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Europe/Oslo"];

    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public Guid Id => Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    public string DisplayName => Principal.FindFirstValue(SelvstyrtClaims.DisplayName) ?? Principal.Identity?.Name ?? "";

    /// <summary>The stated purpose from the session, or from the <c>X-Purpose</c> header for API keys.</summary>
    public string? Purpose
    {
        get
        {
            var claim = Principal.FindFirstValue(SelvstyrtClaims.Purpose);
            if (!string.IsNullOrWhiteSpace(claim)) return claim;
            var header = accessor.HttpContext?.Request.Headers["X-Purpose"].ToString();
            return Principal.Identity?.AuthenticationType == ApiKeyDefaults.Scheme && !string.IsNullOrWhiteSpace(header) ? header.Trim() : null;
        }
    }

    public Instant Now => clock.GetCurrentInstant();

    public LocalDate Today => Now.InZone(Zone).Date;

    public string RequestId => accessor.HttpContext?.TraceIdentifier ?? "";
}
