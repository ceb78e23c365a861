using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Selvstyrt.Data;
using Selvstyrt.Data.Identity;
using Selvstyrt.Domain.Agreements;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.HourAccounts;
using Selvstyrt.Domain.People;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Domain.Quality;
using Selvstyrt.Domain.TimeSheets;

namespace Selvstyrt.Web.Features.Transfers;

/// <summary>How a section's rows are found from the rows already taken.</summary>
public enum SectionSelect
{
    /// <summary>The arrangement itself.</summary>
    Root,

    /// <summary>The rows whose foreign key <see cref="BundleSection.Property"/> points to a row already taken.</summary>
    Children,

    /// <summary>The rows that rows already taken point to (the recipient, every assistant named in the history).</summary>
    Referenced,
}

/// <summary>One section of the bundle: the rows of one record type.</summary>
/// <param name="Name">The section's name in the JSON (camelCase).</param>
/// <param name="Type">The record type.</param>
/// <param name="Select">How its rows are found from the rows already taken.</param>
/// <param name="Property">For <see cref="SectionSelect.Children"/>: the field that points to a row already taken.</param>
/// <param name="MovingOnly">What belongs to the employment of an assistant who moves along (an assignment open on the
/// day of the export); an assistant who only appears in the history comes as a person without it.</param>
/// <param name="Of">For <see cref="SectionSelect.Children"/> through a field that is no foreign key (the access log's
/// arrangement): the record type the field names.</param>
public sealed record BundleSection(string Name, Type Type, SectionSelect Select, string? Property = null, bool MovingOnly = false, Type? Of = null);

/// <summary>
/// The arrangement bundle, format version 1 (docs/bundle.md, schema in docs/bundle/): what moves when a recipient changes
/// provider. The sections follow the data model (every field of every record, by its name in the code), minus what is
/// local to one installation: audit stamps, version counters, idempotency keys and the payroll system's employee number.
/// Records outside the arrangement that rows point to (the provider, its office, the municipality, people's accounts, the
/// provider's competence kinds) are described in <c>references</c> and matched or created by the receiver.
/// </summary>
public static class BundleFormat
{
    public const string Format = "selvstyrt.arrangement-bundle";
    public const int Version = 1;

    public static readonly IReadOnlyList<BundleSection> Sections =
    [
        new("arrangements", typeof(Arrangement), SectionSelect.Root),
        new("recipients", typeof(Recipient), SectionSelect.Referenced),
        new("assignments", typeof(Assignment), SectionSelect.Children, "ArrangementId"),
        new("arrangementRoles", typeof(ArrangementRole), SectionSelect.Children, "ArrangementId"),
        new("actingPeriods", typeof(ActingPeriod), SectionSelect.Children, "ArrangementId"),
        new("decisions", typeof(Decision), SectionSelect.Children, "ArrangementId"),
        new("decisionNeeds", typeof(DecisionNeed), SectionSelect.Children, "DecisionId"),
        new("decisionDocuments", typeof(DecisionDocument), SectionSelect.Children, "DecisionId"),
        new("unusedHours", typeof(UnusedHours), SectionSelect.Children, "ArrangementId"),
        new("openingBalances", typeof(OpeningBalance), SectionSelect.Children, "ArrangementId"),
        new("shiftTemplates", typeof(ShiftTemplate), SectionSelect.Children, "ArrangementId"),
        new("workPlans", typeof(WorkPlan), SectionSelect.Children, "ArrangementId"),
        new("planShifts", typeof(PlanShift), SectionSelect.Children, "PlanId"),
        new("planDeviations", typeof(PlanDeviation), SectionSelect.Children, "PlanId"),
        new("planChanges", typeof(PlanChange), SectionSelect.Children, "PlanId"),
        new("findingOverrides", typeof(FindingOverride), SectionSelect.Children, "PlanId"),
        new("coverageNeeds", typeof(CoverageNeed), SectionSelect.Children, "PlanId"),
        new("planMarks", typeof(PlanMark), SectionSelect.Children, "PlanId"),
        new("planDiscussions", typeof(PlanDiscussion), SectionSelect.Children, "PlanId"),
        new("timeSheets", typeof(TimeSheet), SectionSelect.Children, "ArrangementId"),
        new("timeEntries", typeof(TimeEntry), SectionSelect.Children, "SheetId"),
        new("sheetTransitions", typeof(SheetTransition), SectionSelect.Children, "SheetId"),
        new("agreements", typeof(WorkingTimeAgreement), SectionSelect.Children, "ArrangementId"),
        new("agreementMembers", typeof(AgreementMember), SectionSelect.Children, "AgreementId"),
        new("agreementVersions", typeof(AgreementVersion), SectionSelect.Children, "AgreementId"),
        new("agreementDocuments", typeof(AgreementDocument), SectionSelect.Children, "AgreementId"),
        new("holidayRounds", typeof(Selvstyrt.Domain.Absences.HolidayRound), SectionSelect.Children, "ArrangementId"),
        new("incidents", typeof(Incident), SectionSelect.Children, "ArrangementId"),
        new("riskAnalyses", typeof(RiskAnalysis), SectionSelect.Children, "ArrangementId"),
        new("workplaceMappings", typeof(WorkplaceMapping), SectionSelect.Children, "ArrangementId"),
        new("talks", typeof(Talk), SectionSelect.Children, "ArrangementId"),
        new("trainingItems", typeof(TrainingItem), SectionSelect.Children, "ArrangementId"),
        new("assistants", typeof(Assistant), SectionSelect.Referenced),
        new("employments", typeof(Employment), SectionSelect.Children, "AssistantId", MovingOnly: true),
        new("otherEmployerHours", typeof(OtherEmployerHours), SectionSelect.Children, "AssistantId", MovingOnly: true),
        new("assistantCompetences", typeof(AssistantCompetence), SectionSelect.Children, "AssistantId", MovingOnly: true),
        new("employmentContracts", typeof(EmploymentContract), SectionSelect.Children, "AssistantId", MovingOnly: true),
        new("policeCertificates", typeof(PoliceCertificate), SectionSelect.Children, "AssistantId", MovingOnly: true),
        new("confidentialityDeclarations", typeof(ConfidentialityDeclaration), SectionSelect.Children, "AssistantId", MovingOnly: true),
        new("holidayCarryOvers", typeof(Selvstyrt.Domain.Absences.HolidayCarryOver), SectionSelect.Children, "AssistantId", MovingOnly: true),
    ];

    /// <summary>The records outside the bundle that its rows point to: described in <c>references</c>, matched by the receiver.</summary>
    public static readonly IReadOnlyDictionary<Type, string> External = new Dictionary<Type, string>
    {
        [typeof(Provider)] = "providers",
        [typeof(Office)] = "offices",
        [typeof(Municipality)] = "municipalities",
        [typeof(AppUser)] = "people",
        [typeof(CompetenceKind)] = "competenceKinds",
    };

    /// <summary>Fields local to one installation, left out of every section.</summary>
    private static readonly HashSet<string> LocalFields = new(StringComparer.Ordinal)
    {
        SelvstyrtDb.VersionProperty, "xmin", nameof(IAudited.CreatedAt), nameof(IAudited.CreatedBy), nameof(IAudited.UpdatedAt), nameof(IAudited.UpdatedBy),
        "IdempotencyKey", nameof(Assistant.EmployeeNumber),
    };

    public static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true, MaxDepth = 32 };
        o.Converters.Add(new JsonStringEnumConverter());
        o.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return o;
    }

    /// <summary>The fields of a record type the bundle carries, in the model's order.</summary>
    public static IEnumerable<IProperty> Fields(IEntityType type)
    {
        var ownership = type.FindOwnership();
        return type.GetProperties().Where(p =>
            !LocalFields.Contains(p.Name) && !p.IsConcurrencyToken && (ownership is null || !ownership.Properties.Contains(p)));
    }

    /// <summary>The owned collections (a talk's notes, an incident's measures) carried inside their owner's row.</summary>
    public static IEnumerable<INavigation> Owned(IEntityType type) => type.GetNavigations().Where(n => n.ForeignKey.IsOwnership && n.IsOnDependent is false);

    public static string FieldName(string property) => JsonNamingPolicy.CamelCase.ConvertName(property);

    public static IEntityType EntityType(SelvstyrtDb db, Type type) =>
        db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");

    private static readonly Regex GuidText = new("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", RegexOptions.CultureInvariant);

    /// <summary>Rewrites every identifier in a text (a finding's key, a change's author) that names a record in <paramref name="map"/>.</summary>
    public static string RewriteIds(string text, IReadOnlyDictionary<Guid, Guid> map) =>
        !text.Contains('-', StringComparison.Ordinal) ? text
            : GuidText.Replace(text, m => Guid.TryParse(m.Value, out var id) && map.TryGetValue(id, out var to) ? to.ToString() : m.Value);

    /// <summary>The Guid values of a row's fields (and of its owned rows): what it may point to.</summary>
    public static IEnumerable<Guid> GuidsOf(System.Text.Json.Nodes.JsonObject row)
    {
        foreach (var (_, value) in row)
        {
            switch (value)
            {
                case System.Text.Json.Nodes.JsonValue v when v.TryGetValue<string>(out var s) && s.Length == 36 && Guid.TryParse(s, out var g):
                    yield return g;
                    break;
                case System.Text.Json.Nodes.JsonArray list:
                    foreach (var item in list.OfType<System.Text.Json.Nodes.JsonObject>())
                        foreach (var inner in GuidsOf(item)) yield return inner;
                    break;
            }
        }
    }
}
