using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Selvstyrt.Domain.Rules.Engine;

namespace Selvstyrt.Domain.Rules.Io;

public static partial class CheckDocument
{
    private static readonly OffsetDateTimePattern WritePattern = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    /// <summary>
    /// Writes an input as the batch check's document (docs/rules/check-format.md), so that <c>selvstyrt check</c> on it gives
    /// the findings the app gave: the employers with their legal bases and settings, the assistants, the shifts with offsets,
    /// the plan's dates, the period and the arrangements. A basis names only assistants that are in the document (the check
    /// refuses unknown ones; the others have no shifts in it). Absences are not written (the plan check has none).
    /// </summary>
    public static string Write(CheckInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var known = input.Assistants.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("zone", input.Zone.Id);
            w.WriteStartArray("employers");
            foreach (var e in input.Employers) Employer(w, e, known);
            w.WriteEndArray();
            w.WriteStartArray("assistants");
            foreach (var a in input.Assistants) Assistant(w, a);
            w.WriteEndArray();
            w.WriteStartArray("shifts");
            foreach (var s in input.Shifts) Shift(w, s, input.Zone);
            w.WriteEndArray();
            if (input.Plan is { } plan)
            {
                w.WriteStartObject("plan");
                if (plan.DiscussedOn is { } discussed) w.WriteString("discussedOn", Iso(discussed));
                w.WriteString("startsOn", Iso(plan.StartsOn));
                w.WriteEndObject();
            }
            if (input.Period is { } period)
            {
                w.WriteStartObject("period");
                w.WriteString("from", Iso(period.Start));
                w.WriteString("to", Iso(period.End));
                w.WriteEndObject();
            }
            if (input.Arrangements.Count > 0)
            {
                w.WriteStartArray("arrangements");
                foreach (var a in input.Arrangements)
                {
                    w.WriteStartObject();
                    w.WriteString("id", a.Id);
                    w.WriteBoolean("fullyContinuous", a.FullyContinuous);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Employer(Utf8JsonWriter w, EmployerProfile e, HashSet<string> known)
    {
        w.WriteStartObject();
        w.WriteString("id", e.Id);
        w.WriteString("regime", e.Regime == Regime.Household ? "household" : "aml");
        if (e.Tariff is { } tariff) w.WriteString("tariff", tariff);
        w.WriteString("weekAnchor", e.WeekAnchor == WeekAnchor.PlanStart ? "plan-start" : "monday");
        if (e.PlanStart is { } start) w.WriteString("planStart", Iso(start));
        w.WriteStartArray("legalBases");
        foreach (var b in e.LegalBases)
        {
            w.WriteStartObject();
            w.WriteString("kind", LegalBasis.Code(b.Kind));
            if (b.Id is { } id) w.WriteString("id", id);
            if (b.Assistants is null) w.WriteString("assistants", "all");
            else
            {
                w.WriteStartArray("assistants");
                foreach (var a in b.Assistants.Where(known.Contains).Order(StringComparer.Ordinal)) w.WriteStringValue(a);
                w.WriteEndArray();
            }
            if (b.From is { } from) w.WriteString("from", Iso(from));
            if (b.To is { } to) w.WriteString("to", Iso(to));
            if (b.Kind is LegalBasisKind.TariffDeviation or LegalBasisKind.Arbeidstilsynet)
            {
                w.WriteStartObject("params");
                w.WriteNumber("maxShiftHours", b.LongShift.MaxShiftHours);
                w.WriteNumber("minRestHours", b.LongShift.MinRestHours);
                w.WriteNumber("compensatoryRestHours", b.LongShift.CompensatoryRestHours);
                w.WriteEndObject();
            }
            else if (b.Kind == LegalBasisKind.AveragingByConsent && b.Averaging is { } caps)
            {
                w.WriteStartObject("params");
                w.WriteNumber("dailyHours", caps.DailyHours);
                w.WriteNumber("weeklyAverageHours", caps.WeeklyAverageHours);
                w.WriteNumber("averageOverWeeks", caps.WeeklyAverageOverWeeks);
                w.WriteNumber("singleWeekHours", caps.SingleWeekHours);
                w.WriteNumber("maxPeriodWeeks", caps.MaxPeriodWeeks);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        var s = e.Settings;
        w.WriteStartObject("settings");
        w.WriteString("dayWindow", s.DayWindow == DayWindowMode.Rolling ? "rolling" : "calendar-day");
        w.WriteString("dailyRest", s.DailyRest == DailyRestMode.Gap ? "gap" : "rolling");
        if (s.NightWindow is { } night)
        {
            w.WriteStartObject("nightWindow");
            w.WriteString("from", night.From.ToString("HH':'mm", CultureInfo.InvariantCulture));
            w.WriteString("to", night.To.ToString("HH':'mm", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }
        if (s.PlanNoticeDays is { } notice) w.WriteNumber("planNoticeDays", notice);
        if (s.OvertimePremium is { } premium) w.WriteNumber("overtimePremium", premium);
        if (s.PassiveFactor is { } factor) w.WriteNumber("passiveFactor", factor);
        w.WriteBoolean("widerSelfCertification", s.WiderSelfCertification);
        w.WriteStartObject("strain");
        w.WriteNumber("longShiftHours", s.Strain.LongShiftHours);
        w.WriteNumber("longShiftsPer7Days", s.Strain.LongShiftsPer7Days);
        w.WriteNumber("crossEmployerWeeklyHours", s.Strain.CrossEmployerWeeklyHours);
        w.WriteNumber("nightsInRow", s.Strain.NightsInRow);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Assistant(Utf8JsonWriter w, AssistantProfile a)
    {
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        w.WriteString("employer", a.Employer);
        if (a.BirthDate is { } birth) w.WriteString("birthDate", Iso(birth));
        if (a.EmployedFrom is { } employed) w.WriteString("employedFrom", Iso(employed));
        if (a.SeniorityYears is { } seniority) w.WriteNumber("seniorityYears", seniority);
        if (a.HourlyPay is { } pay) w.WriteNumber("hourlyPay", pay);
        w.WriteNumber("weeklyNorm", a.WeeklyNorm);
        if (a.OtherEmployerHours.Count > 0)
        {
            w.WriteStartArray("otherEmployerHours");
            foreach (var o in a.OtherEmployerHours)
            {
                w.WriteStartObject();
                if (o.Employer is { } name) w.WriteString("employer", name);
                w.WriteNumber("hoursPerWeek", o.HoursPerWeek);
                w.WriteString("from", Iso(o.From));
                if (o.To is { } to) w.WriteString("to", Iso(to));
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void Shift(Utf8JsonWriter w, ShiftInput s, DateTimeZone zone)
    {
        w.WriteStartObject();
        w.WriteString("id", s.Id);
        w.WriteString("assistant", s.Assistant);
        w.WriteString("employer", s.Employer);
        if (s.Arrangement is { } arrangement) w.WriteString("arrangement", arrangement);
        w.WriteString("start", At(s.Start, zone));
        w.WriteString("end", At(s.End, zone));
        Parts(w, "passive", [.. s.Passive.Select(p => (p.Start, p.End, false))], zone);
        Parts(w, "pauses", [.. s.Pauses.Select(p => (p.Start, p.End, p.Free))], zone);
        w.WriteString("kind", s.Kind == ShiftKind.Actual ? "actual" : "planned");
        if (s.OnCall) w.WriteBoolean("onCall", true);
        if (s.Travel) w.WriteBoolean("travel", true);
        if (s.OvertimeReason is { } reason) w.WriteString("overtimeReason", reason);
        w.WriteEndObject();
    }

    /// <summary>Passive periods or pauses inside a shift (a pause may be free); nothing when there are none.</summary>
    private static void Parts(Utf8JsonWriter w, string name, IReadOnlyList<(Instant Start, Instant End, bool Free)> parts, DateTimeZone zone)
    {
        if (parts.Count == 0) return;
        w.WriteStartArray(name);
        foreach (var (start, end, free) in parts)
        {
            w.WriteStartObject();
            w.WriteString("start", At(start, zone));
            w.WriteString("end", At(end, zone));
            if (free) w.WriteBoolean("free", true);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static string Iso(LocalDate d) => d.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture);

    private static string At(Instant at, DateTimeZone zone) => WritePattern.Format(at.InZone(zone).ToOffsetDateTime());
}
