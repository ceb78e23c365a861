using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Quartz;
using Selvstyrt.Data;
using Selvstyrt.Data.Interceptors;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Components;
using Selvstyrt.Web.Features.Account;
using Selvstyrt.Web.Features.Arrangements;
using Selvstyrt.Web.Features.Assistants;
using Selvstyrt.Web.Features.Decisions;
using Selvstyrt.Web.Features.HourAccounts;
using Selvstyrt.Web.Features.Municipalities;
using Selvstyrt.Web.Features.Notifications;
using Selvstyrt.Web.Features.Organisation;
using Selvstyrt.Web.Features.Plans;
using Selvstyrt.Web.Features.Reports;
using Selvstyrt.Web.Features.TimeSheets;
using Selvstyrt.Web.Features.Users;
using Selvstyrt.Web.Features.Imports;
using Selvstyrt.Web.Http;
using Selvstyrt.Web.Setup;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(o =>
{
    o.AddServerHeader = false;
    o.Limits.MaxRequestBodySize = 10 * 1024 * 1024;
});

builder.Services.AddSingleton<IClock>(SystemClock.Instance);
builder.Services.AddScoped<ICurrentActor, HttpActor>();
var dataFolder = DatabaseSetup.DataFolder(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddSelvstyrtDb(builder.Configuration, dataFolder);
// The key ring lives in the database, so every web instance on it signs and reads the same cookies (issue 21, part 4; ADR 0025).
builder.Services.AddDataProtection().SetApplicationName("Selvstyrt").PersistKeysToDbContext<SelvstyrtDb>();
builder.Services.AddSelvstyrtScheduler(builder.Configuration, dataFolder);
builder.Services.AddHealthChecks().AddDbContextCheck<SelvstyrtDb>("database").AddQuartz();
builder.Services.AddSelvstyrtAuth(builder.Configuration);
builder.Services.AddLocalization();
builder.Services.AddHsts(o =>
{
    o.MaxAge = TimeSpan.FromDays(365);
    o.IncludeSubDomains = true;
    o.ExcludedHosts.Clear();
});
builder.Services.AddRazorComponents();
builder.Services.AddExceptionHandler<DatabaseUnavailable>();
builder.Services.AddExceptionHandler<UnhandledErrors>();
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
{
    var status = ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode;
    if (ctx.ProblemDetails.Title is null or "Bad Request" or "Unauthorized" or "Forbidden" or "Not Found" or "An error occurred while processing your request." or "Method Not Allowed" or "Unsupported Media Type" or "Service Unavailable")
    {
        ctx.ProblemDetails.Title = ErrorMapping.TitleFor(status);
        ctx.ProblemDetails.Detail = ErrorMapping.DetailFor(status);
    }
    if (status >= 500) ctx.ProblemDetails.Detail = ErrorMapping.DetailFor(status);
    ctx.ProblemDetails.Extensions.Remove("exception");
    ctx.ProblemDetails.Extensions["requestId"] = ctx.HttpContext.TraceIdentifier;
});
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
    o.SerializerOptions.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
});
builder.Services.AddSelvstyrtOpenApi();
// Each feature registers its own use cases (Features/<Feature>/<Feature>Endpoints.cs).
ArrangementEndpoints.AddServices(builder.Services);
AssistantEndpoints.AddServices(builder.Services);
MunicipalityEndpoints.AddServices(builder.Services);
DecisionEndpoints.AddServices(builder.Services);
HourAccountEndpoints.AddServices(builder.Services);
NotificationEndpoints.AddServices(builder.Services, builder.Configuration, dataFolder);
ReportEndpoints.AddServices(builder.Services);
PlanEndpoints.AddServices(builder.Services);
TimeSheetEndpoints.AddServices(builder.Services);
UserEndpoints.AddServices(builder.Services);
builder.Services.AddScoped<Selvstyrt.Web.Features.Shell.StartTasks>();
OrganisationEndpoints.AddServices(builder.Services);
ImportEndpoints.AddServices(builder.Services);
Selvstyrt.Web.Features.Absences.AbsenceEndpoints.AddServices(builder.Services);
Selvstyrt.Web.Features.Substitutes.SubstituteEndpoints.AddServices(builder.Services, builder.Configuration);
Selvstyrt.Web.Features.Swaps.SwapEndpoints.AddServices(builder.Services);
Selvstyrt.Web.Features.Holidays.HolidayEndpoints.AddServices(builder.Services);
Selvstyrt.Web.Features.Competences.CompetenceEndpoints.AddServices(builder.Services);
Selvstyrt.Web.Features.Agreements.AgreementEndpoints.AddServices(builder.Services);
Selvstyrt.Web.Features.Hiring.HiringEndpoints.AddServices(builder.Services);
Selvstyrt.Web.Features.Recruitment.RecruitmentEndpoints.AddServices(builder.Services);
Selvstyrt.Web.Features.Talks.TalkEndpoints.AddServices(builder.Services);
Selvstyrt.Web.Features.Incidents.IncidentEndpoints.AddServices(builder.Services);
Selvstyrt.Web.Features.RiskAnalyses.RiskEndpoints.AddServices(builder.Services);
Selvstyrt.Web.Features.Surveys.SurveyEndpoints.AddServices(builder.Services);
Selvstyrt.Web.Features.Transparency.TransparencyEndpoints.AddServices(builder.Services);
Selvstyrt.Web.Features.AnnualWheel.WheelEndpoints.AddServices(builder.Services);
Selvstyrt.Web.Features.Audits.AuditEndpoints.AddServices(builder.Services);
Selvstyrt.Web.Features.AccessLog.AccessLogEndpoints.AddServices(builder.Services);
Selvstyrt.Web.Features.Retention.RetentionEndpoints.AddServices(builder.Services);
Selvstyrt.Web.Features.Transfers.TransferEndpoints.AddServices(builder.Services);
Selvstyrt.Web.Features.AccessRequests.PersonalDataEndpoints.AddServices(builder.Services);
Selvstyrt.Web.Features.Hms.HmsEndpoints.AddServices(builder.Services);

var app = builder.Build();
// A bundle from another provider carries years of readable PDFs: its two upload paths may send more than the 10 MB
// every other request is held to.
app.Use((context, next) =>
{
    if (Selvstyrt.Web.Features.Transfers.TransferEndpoints.IsUpload(context.Request)
        && context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        limit.MaxRequestBodySize = Selvstyrt.Web.Features.Transfers.TransferEndpoints.MaxUpload + (1024 * 1024);
    return next(context);
});

app.UseExceptionHandler(new ExceptionHandlerOptions
{
    StatusCodeSelector = e => ErrorMapping.IsUnavailable(e) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
    ExceptionHandlingPath = "/feil",
    CreateScopeForErrors = true,
});
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}
var oidc = app.Services.GetRequiredService<OidcSettings>();
app.UseSecurityHeaders(oidc);
app.UseRequestLocalization(o =>
{
    var cultures = new[] { new CultureInfo("nb-NO"), new CultureInfo("en") };
    o.DefaultRequestCulture = new RequestCulture("nb-NO");
    o.SupportedCultures = cultures;
    o.SupportedUICultures = cultures;
    o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
});
app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), b => b.UseStatusCodePages());
app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"), b =>
{
    b.UseStatusCodePagesWithReExecute("/ikke-funnet", createScopeForStatusCodePages: true);
    // Inside it, so it answers first: a form the page no longer shows (sent twice, or from a stale tab) gets a Norwegian
    // page, not a blank 400; any other empty error is left to the re-executed page above.
    b.Use(SecurityHeaders.AnswerStaleFormPostsAsync);
});
// Routing after the re-executing middlewares, so a re-executed /ikke-funnet or /feil finds its page.
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseOutputCache();
app.UseFormTextWithoutNul();
app.UseAntiforgery();
app.UseRejectedFormPosts();

app.MapStaticAssets();
app.MapHealthChecks("/health").AllowAnonymous();
app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous().CacheOutput(ApiDocument.CachePolicy);

var api = app.MapGroup("/api/v1").RequireAuthorization().DisableAntiforgery()
    .AddEndpointFilter(async (context, next) =>
    {
        var http = context.HttpContext;
        var unsafeMethod = !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method));
        if (unsafeMethod && http.User.Identity?.AuthenticationType != ApiKeyDefaults.Scheme
            && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            return Results.Problem(title: "Mangler CSRF-token", statusCode: StatusCodes.Status400BadRequest,
                detail: "Endringer med informasjonskapsel må ha et gyldig token i X-CSRF-Token (hent det fra /api/v1/antiforgery).");
        }
        return ApiContract.PreconditionFailedWhenStale(http, await next(context));
    });
AccountEndpoints.MapApi(api.Feature("Konto"));
ArrangementEndpoints.MapApi(api.Feature("Ordninger"));
AssistantEndpoints.MapApi(api.Feature("Assistenter"));
MunicipalityEndpoints.MapApi(api.Feature("Kommuner"));
DecisionEndpoints.MapApi(api.Feature("Vedtak"));
HourAccountEndpoints.MapApi(api.Feature("Timekontoer"));
NotificationEndpoints.MapApi(api.Feature("Varsler"));
ReportEndpoints.MapApi(api.Feature("Rapporter"));
PlanEndpoints.MapApi(api.Feature("Arbeidsplaner"));
TimeSheetEndpoints.MapApi(api.Feature("Timelister"));
OrganisationEndpoints.MapApi(api.Feature("Organisasjon"));
UserEndpoints.MapApi(api.Feature("Brukere"));
ImportEndpoints.MapApi(api.Feature("Import"));
Selvstyrt.Web.Features.Absences.AbsenceEndpoints.MapApi(api.Feature("Fravær"));
Selvstyrt.Web.Features.Substitutes.SubstituteEndpoints.MapApi(api.Feature("Vikarer"));
Selvstyrt.Web.Features.Swaps.SwapEndpoints.MapApi(api.Feature("Vaktbytter"));
Selvstyrt.Web.Features.Holidays.HolidayEndpoints.MapApi(api.Feature("Ferie"));
Selvstyrt.Web.Features.Competences.CompetenceEndpoints.MapApi(api.Feature("Kompetanse"));
Selvstyrt.Web.Features.Agreements.AgreementEndpoints.MapApi(api.Feature("Arbeidstidsavtaler"));
Selvstyrt.Web.Features.Hiring.HiringEndpoints.MapApi(api.Feature("Ansettelse"));
Selvstyrt.Web.Features.Recruitment.RecruitmentEndpoints.MapApi(api.Feature("Rekruttering"));
Selvstyrt.Web.Features.Talks.TalkEndpoints.MapApi(api.Feature("Samtaler"));
Selvstyrt.Web.Features.Incidents.IncidentEndpoints.MapApi(api.Feature("Avvik"));
Selvstyrt.Web.Features.RiskAnalyses.RiskEndpoints.MapApi(api.Feature("Risikovurderinger"));
Selvstyrt.Web.Features.Surveys.SurveyEndpoints.MapApi(api.Feature("Undersøkelser"));
Selvstyrt.Web.Features.Transparency.TransparencyEndpoints.MapApi(api.Feature("Åpenhet"));
Selvstyrt.Web.Features.AnnualWheel.WheelEndpoints.MapApi(api.Feature("Årshjul"));
Selvstyrt.Web.Features.Audits.AuditEndpoints.MapApi(api.Feature("Revisjoner"));
Selvstyrt.Web.Features.Hms.HmsEndpoints.MapApi(api.Feature("HMS"));
Selvstyrt.Web.Features.AccessLog.AccessLogEndpoints.MapApi(api.Feature("Innsynslogg"));
Selvstyrt.Web.Features.Retention.RetentionEndpoints.MapApi(api.Feature("Oppbevaring"));
Selvstyrt.Web.Features.Transfers.TransferEndpoints.MapApi(api.Feature("Flytting"));
Selvstyrt.Web.Features.AccessRequests.PersonalDataEndpoints.MapApi(api.Feature("Innsyn"));
AccountEndpoints.MapPages(app);
DecisionEndpoints.MapPages(app);
PlanEndpoints.MapPages(app);
Selvstyrt.Web.Features.Transfers.TransferEndpoints.MapPages(app);
Selvstyrt.Web.Features.AccessRequests.PersonalDataEndpoints.MapPages(app);
TimeSheetEndpoints.MapPages(app);
ImportEndpoints.MapPages(app);
app.MapRazorComponents<App>();

await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>Entry point; public so that the integration tests can host the app.</summary>
public partial class Program;
