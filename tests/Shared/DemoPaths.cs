using Selvstyrt.Data.Demo;

namespace Selvstyrt.Testing;

/// <summary>
/// Paths of the app's routes filled with the demo's objects (the page benchmark, the form pages' bad input): the route's
/// subject by its first segment, the other parameters by name.
/// </summary>
public static class DemoPaths
{
    /// <summary>A path for the route with the demo's objects of this role, or null (and the parameter) when the demo has none to give.</summary>
    public static string? Fill(string pattern, int arrangementNo, int assistantIndex, out string missing)
    {
        missing = "";
        var arrangement = DemoIds.For($"arrangement:{arrangementNo}");
        var assistant = DemoIds.For($"assistant:{assistantIndex}");
        var sheet = DemoIds.For($"sheet:{arrangement}:{assistant}:2026-10");
        var first = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } parts ? parts[0] == "api" && parts.Length > 2 ? parts[2] : parts[0] : "";
        Guid? subject = first switch
        {
            "ordninger" or "arrangements" => arrangement,
            "assistenter" or "assistants" or "arbeidstid" => assistant,
            "kommuner" or "municipalities" => DemoIds.For("municipality:0301"),
            "timelister" or "timesheets" => sheet,
            "avvik" or "incidents" => DemoIds.For("incident:10:open"),
            "internkontroll" or "audits" => DemoIds.For("audit:2026:personvern"),
            "ros" or "risk-analyses" => DemoIds.For("ros:arrangement:10:2026"),
            "samtaler" or "talks" => DemoIds.For("talk:10:42"),
            "undersokelser" or "surveys" => DemoIds.For(pattern.Contains("svar", StringComparison.Ordinal) || pattern.Contains("answer", StringComparison.Ordinal) ? "survey:hms:2026" : "survey:work:2026"),
            "hms" => DemoIds.For("handbook:forflytning"),
            "agreements" or "organisasjon" when pattern.Contains("avtaler", StringComparison.Ordinal) || first == "agreements" => DemoIds.For("agreement:sondag"),
            "organisasjon" => DemoIds.For("office:ost"),
            "providers" => DemoSeeder.ProviderId,
            _ => null,
        };
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["planId"] = DemoIds.For($"plan:{arrangementNo}").ToString(),
            ["decisionId"] = DemoIds.For($"decision:{arrangementNo}").ToString(),
            ["sheetId"] = sheet.ToString(),
            ["entryId"] = DemoIds.For($"entry:{sheet}:0").ToString(),
            ["employmentId"] = DemoIds.For($"employment:{assistantIndex}").ToString(),
            ["contractId"] = DemoIds.For($"contract:{assistant}").ToString(),
            ["postingId"] = DemoIds.For("posting:10").ToString(),
            ["applicantId"] = DemoIds.For("applicant:10:jonas").ToString(),
            ["talkId"] = DemoIds.For("talk:10:42").ToString(),
            ["incidentId"] = DemoIds.For("incident:10:open").ToString(),
            ["analysisId"] = DemoIds.For("ros:arrangement:10:2026").ToString(),
            ["auditId"] = DemoIds.For("audit:2026:personvern").ToString(),
            // A survey's results are the office's (the finished work survey); the survey itself is read by those asked (the open HMS one).
            ["surveyId"] = DemoIds.For(pattern.EndsWith("/results", StringComparison.Ordinal) ? "survey:work:2026" : "survey:hms:2026").ToString(),
            ["documentId"] = DemoIds.For("handbook:forflytning").ToString(),
            ["arrangementId"] = arrangement.ToString(),
            ["assistantId"] = assistant.ToString(),
            ["year"] = "2026",
            ["month"] = "2026-10",
            ["documentName"] = "v1",
        };
        if (subject is { } id) values["id"] = id.ToString();
        var path = new System.Text.StringBuilder();
        var at = 0;
        while (pattern.IndexOf('{', at) is var open and >= 0)
        {
            var close = pattern.IndexOf('}', open);
            path.Append(pattern, at, open - at);
            var name = pattern[(open + 1)..close].Split(':')[0];
            if (!values.TryGetValue(name, out var value))
            {
                missing = name;
                return null;
            }
            path.Append(value);
            at = close + 1;
        }
        path.Append(pattern, at, pattern.Length - at);
        var text = path.ToString();
        // The working-time record and the attachment need a period; the municipality reports a month.
        if (first == "arbeidstid") text += "?fra=2026-10-01&til=2026-10-31";
        if (text.EndsWith("vedlegg1.pdf", StringComparison.Ordinal)) text += $"?assistent={assistant}&maaned=2026-10";
        return text;
    }
}
