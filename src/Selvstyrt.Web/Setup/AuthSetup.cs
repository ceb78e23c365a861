using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Selvstyrt.Data;
using Selvstyrt.Data.Identity;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Setup;

/// <summary>Settings for sign-in through an OpenID Connect provider (ID-porten, Ansattporten, a provider's own IdP).</summary>
public sealed class OidcSettings
{
    public const string Section = "Authentication:Oidc";
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string DisplayName { get; set; } = "ID-porten";

    /// <summary>The assurance levels accepted in the <c>acr</c> claim, e.g. <c>idporten-loa-high</c>.</summary>
    public string[] AcceptedAcr { get; set; } = ["idporten-loa-high"];
    public string[] Scopes { get; set; } = ["openid", "profile"];
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}

/// <summary>ASP.NET Core Identity with the hardened settings of quality.md S4, API keys, and the OIDC hook.</summary>
public static class AuthSetup
{
    public const string SmartScheme = "Selvstyrt";
    public const string OidcScheme = "oidc";
    /// <summary>
    /// Cookie names and flags. With <c>Security:HttpsCookies</c> on (the default, for anything served over
    /// HTTPS) every cookie is <c>__Host-</c>, Secure, HttpOnly and SameSite (quality.md S5). Only the local
    /// demo on http://localhost turns it off (appsettings.Development.json), because browsers refuse
    /// <c>__Host-</c> cookies and ASP.NET refuses Secure antiforgery cookies without TLS.
    /// </summary>
    public sealed record CookiePolicy(bool HttpsOnly)
    {
        public string Name(string name) => HttpsOnly ? "__Host-" + name : name;
        public CookieSecurePolicy Secure => HttpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
    }

    public static IServiceCollection AddSelvstyrtAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var cookies = new CookiePolicy(configuration.GetValue("Security:HttpsCookies", true));
        services.AddSingleton(cookies);
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ArrangementAccess>();
        services.AddSingleton<DbTicketStore>();
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, ConfigureSessionStore>();

        var auth = services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie eller API-nøkkel", o =>
                o.ForwardDefaultSelector = ctx => ApiKeyHandler.KeyFrom(ctx.Request) is null ? IdentityConstants.ApplicationScheme : ApiKeyDefaults.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyDefaults.Scheme, null);
        auth.AddIdentityCookies();

        var oidc = configuration.GetSection(OidcSettings.Section).Get<OidcSettings>() ?? new OidcSettings();
        services.AddSingleton(oidc);
        if (oidc.IsConfigured) AddOidc(auth, oidc, cookies);

        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
                // «Confirmed» is ActiveUserConfirmation below: not disabled and not a service account. Without this flag
                // Identity never asks it, and a closed account could still sign in with its password.
                o.SignIn.RequireConfirmedAccount = true;
            })
            .AddEntityFrameworkStores<SelvstyrtDb>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<SelvstyrtClaimsFactory>()
            .AddDefaultTokenProviders();
        services.AddScoped<IUserConfirmation<AppUser>, ActiveUserConfirmation>();
        services.Configure<PasswordHasherOptions>(o =>
        {
            o.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
            o.IterationCount = PasswordPolicy.Iterations;
        });
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = ctx =>
            {
                var purpose = ctx.CurrentPrincipal?.FindFirst(SelvstyrtClaims.Purpose);
                if (purpose is not null && ctx.NewPrincipal?.Identity is ClaimsIdentity identity) identity.AddClaim(new Claim(purpose.Type, purpose.Value));
                return Task.CompletedTask;
            };
        });

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = cookies.Name("selvstyrt");
            o.Cookie.SecurePolicy = cookies.Secure;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(15);
            o.SlidingExpiration = true;
            o.LoginPath = "/logg-inn";
            o.LogoutPath = "/logg-ut";
            o.AccessDeniedPath = "/logg-inn";
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
        });
        foreach (var (scheme, cookie) in new[] { (IdentityConstants.TwoFactorUserIdScheme, "selvstyrt-2fa"), (IdentityConstants.ExternalScheme, "selvstyrt-ext"), (IdentityConstants.TwoFactorRememberMeScheme, "selvstyrt-2fa-husk") })
        {
            services.Configure<CookieAuthenticationOptions>(scheme, o =>
            {
                o.Cookie.Name = cookies.Name(cookie);
                o.Cookie.SecurePolicy = cookies.Secure;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.Path = "/";
            });
        }

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = cookies.Name("selvstyrt-af");
            o.Cookie.SecurePolicy = cookies.Secure;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.HeaderName = "X-CSRF-Token";
        });
        services.AddAuthorization();
        return services;
    }

    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    private static void AddOidc(AuthenticationBuilder auth, OidcSettings settings, CookiePolicy cookies)
    {
        auth.AddOpenIdConnect(OidcScheme, settings.DisplayName, o =>
        {
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            o.SaveTokens = false;
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.CallbackPath = "/signin-oidc";
            o.Scope.Clear();
            foreach (var scope in settings.Scopes) o.Scope.Add(scope);
            o.CorrelationCookie.SecurePolicy = cookies.Secure;
            o.NonceCookie.SecurePolicy = cookies.Secure;
            o.Events.OnRedirectToIdentityProvider = ctx =>
            {
                ctx.ProtocolMessage.AcrValues = string.Join(' ', settings.AcceptedAcr);
                return Task.CompletedTask;
            };
            o.Events.OnTokenValidated = ctx =>
            {
                var acr = ctx.Principal?.FindFirst("acr")?.Value;
                if (!OidcAcr.IsAccepted(acr, settings.AcceptedAcr))
                    ctx.Fail($"Innloggingen hadde sikkerhetsnivå «{acr ?? "ukjent"}», men det kreves {string.Join(" eller ", settings.AcceptedAcr)}.");
                return Task.CompletedTask;
            };
        });
    }
}

/// <summary>The <c>acr</c> check for OIDC sign-in (health data only at ID-porten level high: quality.md S4).</summary>
public static class OidcAcr
{
    public static bool IsAccepted(string? acr, IReadOnlyCollection<string> accepted)
        => !string.IsNullOrWhiteSpace(acr) && accepted.Contains(acr, StringComparer.Ordinal);
}

/// <summary>Adds the display name and the capabilities to the principal so the layout needs no database round trip.</summary>
public sealed class SelvstyrtClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options, SelvstyrtDb db, NodaTime.IClock clock)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(SelvstyrtClaims.DisplayName, user.DisplayName));
        var today = clock.GetCurrentInstant().InZone(CurrentUser.Zone).Date;
        foreach (var name in await Capabilities.NamesForUserAsync(db, user.Id, today))
            identity.AddClaim(new Claim(Capabilities.ClaimType, name));
        return identity;
    }
}

/// <summary>Disabled users and service accounts cannot sign in interactively.</summary>
public sealed class ActiveUserConfirmation : IUserConfirmation<AppUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Task.FromResult(!user.IsDisabled && !user.IsServiceAccount);
    }
}
