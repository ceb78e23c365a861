using System.Globalization;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Web.Http;

/// <summary>
/// The version of a record a form or an API client read, from its last change (the audit stamp): sent back with a change,
/// a different version means someone else saved in between, and the change is refused as a conflict instead of
/// overwriting theirs. For records without a revision counter of their own (offices, arrangements, recipients).
/// </summary>
public static class RecordVersion
{
    public static string Of(params IAudited[] records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return string.Join('-', records.Select(r => Of(r.CreatedAt, r.UpdatedAt)));
    }

    /// <summary>One record's version from its stamps (for a list read without loading the records).</summary>
    public static string Of(NodaTime.Instant createdAt, NodaTime.Instant? updatedAt) => (updatedAt ?? createdAt).ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture);
}
