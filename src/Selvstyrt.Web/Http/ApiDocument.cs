using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using NodaTime;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Http;

/// <summary>
/// The OpenAPI document of <c>/api/v1</c> (issue 25, ADR 0027): only API routes; both ways in (the API key header, and the
/// cookie with the CSRF header for changes) declared and required per operation; every operation's problem+json answers
/// (400 with the fields, 401, 403, 404, 409, 412 for a stale <c>If-Match</c>); the <c>Idempotency-Key</c> and
/// <c>If-Match</c> headers where the handler reads them (<see cref="ApiContract"/>); an example for every request body;
/// NodaTime values as the strings they are on the wire; one tag per feature with its description. Redocly's recommended
/// rules lint it in the tests (<c>tools/openapi/redocly.yaml</c>).
/// </summary>
public static class ApiDocument
{
    public const string ApiKeyScheme = "apiKey";
    public const string CookieScheme = "cookie";
    public const string CsrfScheme = "csrf";

    /// <summary>The features' tags with what they hold, in the order the document lists them.</summary>
    public static readonly IReadOnlyList<(string Name, string Description)> Tags =
    [
        ("Konto", "Den innloggede brukeren, og CSRF-tokenet som endringer med informasjonskapsel må sende i X-CSRF-Token."),
        ("Ordninger", "BPA-ordninger: opprette, endre, avslutte, og hvem som er arbeidsleder i en periode."),
        ("Assistenter", "Assistenter, ansettelser, tilknytning til ordninger og timer hos andre arbeidsgivere."),
        ("Kommuner", "Kommunene leverandøren har avtale med."),
        ("Vedtak", "Kommunens vedtak om timer per ordning, med vedtaksbrevet."),
        ("Timekontoer", "Timekonto per ordning: vedtatte, planlagte og brukte timer, ubrukte timer og inngående saldo."),
        ("Varsler", "Varsler til den innloggede brukeren."),
        ("Rapporter", "Kommunens rapporter: timer per måned (NS 8435), fakturagrunnlag og ressurskrevende tjenester, som JSON, CSV eller Excel."),
        ("Arbeidsplaner", "Arbeidsplaner (turnus): vakttyper, vakter, avvik, regelfunn, forslag fra generatoren og publisering."),
        ("Timelister", "Timelister: føring, innsending, godkjenning, attestasjon og overføring til lønn."),
        ("Organisasjon", "Kontorer, kommuneavtaler og leverandørens innstillinger."),
        ("Brukere", "Brukere, invitasjoner og rolleendringer."),
        ("Import", "Import av assistenter og ordninger fra CSV, med forhåndsvisning."),
        ("Fravær", "Fravær: egenmelding, sykemelding, permisjon og omsorg for barn."),
        ("Vikarer", "Ledige vakter, vikarlister og tilbud om vakter."),
        ("Vaktbytter", "Bytte eller gi bort vakter mellom assistenter."),
        ("Ferie", "Ferieønsker, ferieplan og feriepenger."),
        ("Kompetanse", "Kompetansetyper, assistentenes kompetanse og opplæring."),
        ("Arbeidstidsavtaler", "Avtaler om arbeidstid (AML og tariff) med parter, versjoner og signert dokument."),
        ("Ansettelse", "Arbeidsavtaler, politiattest og ansettelsesforløp for assistenter."),
        ("Rekruttering", "Utlysninger, søkere og intervjuer for en ordning."),
        ("Samtaler", "Medarbeidersamtaler, oppfølging og arbeidsgivers forespørsler."),
        ("Avvik", "Avvik og hendelser, med tiltak og oppfølging."),
        ("Risikovurderinger", "Risikovurderinger med farer og tiltak."),
        ("Undersøkelser", "Arbeidsmiljøundersøkelser og svar."),
        ("Åpenhet", "Redegjørelse etter åpenhetsloven: leverandører og aktsomhetsvurderinger."),
        ("Årshjul", "Årshjulet: HMS-oppgaver med frist og utført dato."),
        ("Revisjoner", "Interne revisjoner med funn."),
        ("HMS", "HMS: håndbok, lesebekreftelser og kartlegging av arbeidsplassen."),
        ("Oppbevaring", "Oppbevaringsreglene og de daglige kjøringene som sletter det som ikke lenger skal oppbevares."),
        ("Innsyn", "Innsyn i egne personopplysninger (personvernforordningen artikkel 15): alt Selvstyrt har om en person, som JSON og PDF."),
        ("Flytting", "Ordningspakken: en ordning med historikk ut til en annen leverandør og inn fra en annen leverandør (virksomhetsoverdragelse)."),
        ("Innsynslogg", "Hvem som har lest en ordnings personopplysninger, når og hvorfor (Normen), med kontroll av hashkjeden."),
    ];

    public static IServiceCollection AddSelvstyrtOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi("v1", o =>
        {
            o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            // Pages, downloads for the browser and sign-in live outside /api and outside this document.
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.CreateSchemaReferenceId = SchemaId;
            o.AddDocumentTransformer(DescribeDocument);
            o.AddOperationTransformer(DescribeOperation);
            o.AddSchemaTransformer(DescribeNodaTime);
        });
        // The document is the same for every anonymous request to an instance, and generating it takes 130-250 ms of CPU: made
        // once per instance and day, not on each request to an endpoint anyone may call.
        services.AddOutputCache(o => o.AddPolicy(CachePolicy, b => b.Expire(TimeSpan.FromDays(1))));
        return services;
    }

    /// <summary>The output-cache policy of <c>/openapi/{documentName}.json</c>.</summary>
    public const string CachePolicy = "openapi";

    /// <summary>
    /// Component names that do not collide: a body nested in a feature's endpoints class is named after the feature
    /// (<c>PlanEndpoints.PublishBody</c> → <c>PlanPublishBody</c>); NodaTime values and anonymous answers are written inline.
    /// </summary>
    private static string? SchemaId(System.Text.Json.Serialization.Metadata.JsonTypeInfo info)
    {
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        if (type.Namespace?.StartsWith("NodaTime", StringComparison.Ordinal) == true && !type.IsEnum) return null;
        if (type.Name.Contains("AnonymousType", StringComparison.Ordinal)) return null;
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(info);
        if (id is null || type.DeclaringType is not { } outer || outer == typeof(ApiContract)) return id;
        var prefix = outer.Name.Replace("Endpoints", "", StringComparison.Ordinal);
        return id.StartsWith(prefix, StringComparison.Ordinal) ? id : prefix + id;
    }

    private static Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Selvstyrt API",
            Version = "v1",
            Description = """
                BPA (brukerstyrt personlig assistanse): ordninger, vedtak, arbeidsplaner, timelister, lønn og rapporter til kommunen.

                **Inn**: send en API-nøkkel i `X-Api-Key` (driften lager den med `./selvstyrt admin api-key create`, for én leverandør og rolle), eller bruk
                innloggingens informasjonskapsel; endringer med informasjonskapsel sender også `X-CSRF-Token` (fra `GET /api/v1/antiforgery`).

                **Endringer**: en opprettelse tar `Idempotency-Key`, og et nytt forsøk med samme nøkkel gir det første svaret (200 med samme id)
                i stedet for en kopi. En endring tar revisjonen du leste i `If-Match`; er den utdatert, svarer API-et 412 og ingenting er lagret.

                **Feil** er `application/problem+json` på norsk: 400 nevner feltene som må rettes i `errors`, 404 gjelder også det du ikke har tilgang til,
                409 forklarer konflikten. `requestId` i svaret finnes igjen i loggen.
                """,
        };
        document.Servers = [new OpenApiServer { Url = "/", Description = "Samme vert som dokumentet" }];
        document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));

        var cookieName = context.ApplicationServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme).Cookie.Name ?? "selvstyrt";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [ApiKeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeyDefaults.Header,
                Description = "API-nøkkel for integrasjoner. Gjelder for leverandøren og rollene den ble laget med.",
            },
            [CookieScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = cookieName,
                Description = "Informasjonskapselen fra innloggingen (/logg-inn).",
            },
            [CsrfScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-CSRF-Token",
                Description = "Tokenet fra GET /api/v1/antiforgery; kreves sammen med informasjonskapselen for endringer.",
            },
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[Problem] = ProblemSchema(validation: false);
        document.Components.Schemas[ValidationProblem] = ProblemSchema(validation: true);
        return Task.CompletedTask;
    }

    private const string Problem = "Problem";
    private const string ValidationProblem = "ValidationProblem";

    private static OpenApiSchema ProblemSchema(bool validation)
    {
        var properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Referanse til feiltypen." },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Kort beskrivelse på norsk." },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Hva som gikk galt og hva du kan gjøre, på norsk." },
            ["requestId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Forespørselens id i loggen." },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Sporings-id (W3C traceparent) for feilsøking." },
            ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Ved 409 og 412: «conflict» eller «stale_revision»." },
        };
        if (validation)
        {
            properties["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Feltene som må rettes, med en norsk melding per felt.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            };
        }
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = validation ? "Noen felt må rettes (RFC 9457, med errors)." : "En feil (RFC 9457).",
            Properties = properties,
        };
    }

    private static async Task DescribeOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var document = context.Document;
        var method = description.HttpMethod ?? "GET";
        var safe = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();

        if (!anonymous)
        {
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] },
                safe
                    ? new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, document)] = [] }
                    : new OpenApiSecurityRequirement
                    {
                        [new OpenApiSecuritySchemeReference(CookieScheme, document)] = [],
                        [new OpenApiSecuritySchemeReference(CsrfScheme, document)] = [],
                    },
            ];
        }
        else
        {
            operation.Security = [];
        }

        operation.Parameters ??= [];
        if (metadata.OfType<ApiContract.IdempotentCreate>().LastOrDefault() is { } create)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "Idempotency-Key", In = ParameterLocation.Header, Required = create.KeyRequired,
                Description = "Din nøkkel for denne opprettelsen (1-100 tegn). Et nytt forsøk med samme nøkkel gir det første svaret, ikke en kopi.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 100 },
                Example = JsonValueOf("b7d3c1e0-opprett-vakt-1"),
            });
        }
        var revised = metadata.OfType<ApiContract.TakesRevision>().LastOrDefault();
        if (revised is not null)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match", In = ParameterLocation.Header, Required = false,
                Description = revised.Required
                    ? "Revisjonen (eller versjonen) du leste, med eller uten anførselstegn. Kreves her eller i feltet revision/version; er den utdatert, svarer API-et 412."
                    : "Revisjonen du leste, om du vil at en utdatert endring skal avvises med 412.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                Example = JsonValueOf("\"3\""),
            });
        }
        if (operation.Parameters.Count == 0) operation.Parameters = null;

        if (metadata.OfType<ApiContract.Upload>().LastOrDefault() is { } upload && operation.RequestBody is null)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new OpenApiMediaType { Schema = await context.GetOrCreateSchemaAsync(upload.Form, null, ct) },
                },
            };
        }
        AddExample(operation, context);
        AddDownloads(operation, metadata);

        operation.Responses ??= new OpenApiResponses();
        var hasPathIds = description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path);
        var takesInput = !safe || description.ParameterDescriptions.Any(p => p.Source == BindingSource.Query)
            || description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path && p.Type != typeof(Guid));
        if (takesInput)
            Respond(operation, document, "400", ValidationProblem, "Noen felt må rettes (errors nevner dem), innholdet kunne ikke leses, eller CSRF-tokenet mangler.");
        if (!anonymous)
        {
            Respond(operation, document, "401", Problem, "Ikke innlogget, eller ugyldig API-nøkkel.");
            Respond(operation, document, "403", Problem, "Innlogget, men rollen har ikke tilgang til dette.");
        }
        if (hasPathIds)
            Respond(operation, document, "404", Problem, "Finnes ikke, eller du har ikke tilgang til den.");
        if (metadata.OfType<IAcceptsMetadata>().LastOrDefault() is { IsOptional: false } accepts)
            Respond(operation, document, "415", Problem, $"Innholdstypen støttes ikke: send {string.Join(" eller ", accepts.ContentTypes)}.");
        if (!safe)
            Respond(operation, document, "409", Problem, "Konflikt: noen andre endret det samtidig, eller det kan ikke gjøres i denne tilstanden. Ingenting er lagret.");
        if (revised is not null)
            Respond(operation, document, "412", Problem, "Revisjonen i If-Match er utdatert: noen andre har endret det etter at du leste. Ingenting er lagret; les på nytt.");
    }

    private static System.Text.Json.Nodes.JsonValue JsonValueOf(string text) => System.Text.Json.Nodes.JsonValue.Create(text);

    private static void Respond(OpenApiOperation operation, OpenApiDocument? document, string status, string schema, string description)
    {
        if (operation.Responses!.ContainsKey(status)) return;
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(schema, document) },
            },
        };
    }

    private static void AddExample(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        if (operation.RequestBody?.Content is not { } content || !content.TryGetValue("application/json", out var json)) return;
        if (json.Example is not null || BodyType(context.Description) is not { } type) return;
        var options = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        json.Example = ApiExamples.For(type, options);
    }

    /// <summary>The request body's type: the bound parameter, or the type an <c>Accepts</c> declares for a body read by hand.</summary>
    public static Type? BodyType(Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        return description.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type
            ?? description.ActionDescriptor.EndpointMetadata.OfType<IAcceptsMetadata>().LastOrDefault()?.RequestType;
    }

    private static void AddDownloads(OpenApiOperation operation, IList<object> metadata)
    {
        if (metadata.OfType<ApiContract.Download>().LastOrDefault() is not { } download) return;
        operation.Responses ??= new OpenApiResponses();
        if (!operation.Responses.TryGetValue("200", out var ok) || ok is not OpenApiResponse response)
        {
            response = new OpenApiResponse { Description = "OK" };
            operation.Responses["200"] = response;
        }
        response.Content ??= new Dictionary<string, OpenApiMediaType>();
        foreach (var type in download.ContentTypes)
            response.Content[type] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
    }

    /// <summary>NodaTime values as the strings they are on the wire (the NodaTime serializer's ISO patterns).</summary>
    private static Task DescribeNodaTime(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        var (format, pattern, example) = type switch
        {
            _ when type == typeof(LocalDate) => ("date", null, "2026-12-01"),
            _ when type == typeof(Instant) => ("date-time", null, "2026-12-01T06:00:00Z"),
            _ when type == typeof(LocalTime) => (null, "^[0-2][0-9]:[0-5][0-9](:[0-5][0-9](\\.[0-9]+)?)?$", "07:00:00"),
            _ when type == typeof(LocalDateTime) => (null, "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-2][0-9]:[0-5][0-9](:[0-5][0-9](\\.[0-9]+)?)?$", "2026-12-01T07:00:00"),
            _ when type == typeof(YearMonth) => (null, "^[0-9]{4}-[0-9]{2}$", "2026-12"),
            _ when type == typeof(Duration) => (null, "^-?[0-9]+:[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?$", "0:08:00:00"),
            _ => ((string?)null, (string?)null, (string?)null),
        };
        if (example is null) return Task.CompletedTask;
        schema.Examples = [JsonValueOf(example)];
        var nullable = context.JsonTypeInfo.Type != type;
        schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        schema.Format = format;
        schema.Pattern = pattern;
        schema.Properties?.Clear();
        schema.Required?.Clear();
        return Task.CompletedTask;
    }
}
