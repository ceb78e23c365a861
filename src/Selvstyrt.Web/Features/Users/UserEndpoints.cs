namespace Selvstyrt.Web.Features.Users;

/// <summary>Users' own access: one-time links to choose a password (first administrator, reset).</summary>
public static class UserEndpoints
{
    public static void AddServices(IServiceCollection services) => services.AddScoped<PasswordLinkService>();
}
