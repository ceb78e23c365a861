using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using Selvstyrt.Domain.Rules.Calendar;
using Selvstyrt.Domain.Rules.Engine;
using Selvstyrt.Domain.Rules.Pay;

namespace Selvstyrt.Domain.Rules.Io;

/// <summary>Bad input to the batch check: the field (a JSON path such as <c>shifts[3].end</c>) and what is wrong, in Norwegian.</summary>
public sealed class CheckInputException(string field, string problem) : Exception($"{field}: {problem}")
{
    /// <summary>The field.</summary>
    public string Field { get; } = field;

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; } = problem;
}

/// <summary>
/// Reads the batch check's input (docs: ../shared/docs/check-format.md and docs/rules/check-format.md) strictly:
/// unknown fields and impossible values are errors that name the field, because a typo must not silently change a
/// verdict.
/// </summary>
public static partial class CheckDocument
{
    private const int MaxShiftDays = 7;
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;
    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFF");
    private static readonly OffsetDateTimePattern OffsetPattern = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<G>");
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    /// <summary>Reads and validates a document; throws <see cref="CheckInputException"/> on bad input.</summary>
    public static CheckInput Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            throw new CheckInputException(e.Path is { Length: > 0 } p ? p : "$", string.Create(CultureInfo.InvariantCulture, $"ugyldig JSON på linje {(e.LineNumber ?? 0) + 1}, posisjon {(e.BytePositionInLine ?? 0) + 1}"));
        }
        using (document) return new Reader().Document(document.RootElement);
    }

    private sealed class Reader
    {
        private readonly Dictionary<string, EmployerProfile> _employers = new(StringComparer.Ordinal);
        private readonly Dictionary<string, AssistantProfile> _assistants = new(StringComparer.Ordinal);
        private DateTimeZone _zone = DateTimeZoneProviders.Tzdb["Europe/Oslo"];
        private LocalTimeline _timeline = LocalTimeline.For(DateTimeZoneProviders.Tzdb["Europe/Oslo"]);

        public CheckInput Document(JsonElement root)
        {
            Object(root, "$", "zone", "employers", "assistants", "shifts", "plan", "period", "arrangements", "absences");
            if (root.TryGetProperty("zone", out var zone))
            {
                var id = String(zone, "zone");
                _zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) ?? throw new CheckInputException("zone", $"ukjent tidssone «{id}»");
                _timeline = LocalTimeline.For(_zone);
            }
            var employersJson = Array(Required(root, "employers", "$"), "employers");
            if (employersJson.Count == 0) throw new CheckInputException("employers", "minst én arbeidsgiver må være med");
            var assistantIds = new HashSet<string>(StringComparer.Ordinal);
            if (root.TryGetProperty("assistants", out var assistantsRaw) && assistantsRaw.ValueKind == JsonValueKind.Array)
            {
                foreach (var a in assistantsRaw.EnumerateArray())
                {
                    if (a.ValueKind == JsonValueKind.Object && a.TryGetProperty("id", out var aid) && aid.ValueKind == JsonValueKind.String) assistantIds.Add(aid.GetString()!);
                }
            }
            var employers = new List<EmployerProfile>();
            for (var i = 0; i < employersJson.Count; i++) employers.Add(Employer(employersJson[i], $"employers[{i}]", assistantIds));
            var assistantsJson = Array(Required(root, "assistants", "$"), "assistants");
            var assistants = new List<AssistantProfile>();
            for (var i = 0; i < assistantsJson.Count; i++) assistants.Add(Assistant(assistantsJson[i], $"assistants[{i}]"));
            var shiftsJson = Array(Required(root, "shifts", "$"), "shifts");
            var shifts = new List<ShiftInput>(shiftsJson.Count);
            var shiftIds = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < shiftsJson.Count; i++)
            {
                var shift = Shift(shiftsJson[i], $"shifts[{i}]");
                if (!shiftIds.Add(shift.Id)) throw new CheckInputException($"shifts[{i}].id", $"id «{shift.Id}» er brukt før");
                shifts.Add(shift);
            }
            PlanInfo? plan = null;
            if (root.TryGetProperty("plan", out var planJson)) plan = Plan(planJson, "plan");
            DateInterval? period = null;
            if (root.TryGetProperty("period", out var periodJson))
            {
                Object(periodJson, "period", "from", "to");
                var from = Date(Required(periodJson, "from", "period"), "period.from");
                var to = Date(Required(periodJson, "to", "period"), "period.to");
                if (to < from) throw new CheckInputException("period.to", "slutt er før start");
                period = new DateInterval(from, to);
            }
            var arrangements = new List<ArrangementInfo>();
            if (root.TryGetProperty("arrangements", out var arrangementsJson))
            {
                var list = Array(arrangementsJson, "arrangements");
                var ids = new HashSet<string>(StringComparer.Ordinal);
                for (var i = 0; i < list.Count; i++)
                {
                    var path = $"arrangements[{i}]";
                    Object(list[i], path, "id", "fullyContinuous");
                    var id = Id(Required(list[i], "id", path), path + ".id");
                    if (!ids.Add(id)) throw new CheckInputException(path + ".id", $"id «{id}» er brukt før");
                    arrangements.Add(new ArrangementInfo(id, list[i].TryGetProperty("fullyContinuous", out var fc) && Bool(fc, path + ".fullyContinuous")));
                }
            }
            Absences.AbsenceRecords? absences = null;
            if (root.TryGetProperty("absences", out var absencesJson))
            {
                var list = Array(absencesJson, "absences");
                var ids = new HashSet<string>(StringComparer.Ordinal);
                var read = new List<Absences.AbsenceInput>();
                for (var i = 0; i < list.Count; i++)
                {
                    var absence = Absence(list[i], $"absences[{i}]");
                    if (!ids.Add(absence.Id)) throw new CheckInputException($"absences[{i}].id", $"id «{absence.Id}» er brukt før");
                    read.Add(absence);
                }
                absences = new Absences.AbsenceRecords(read, _facts);
            }
            return new CheckInput(_zone, employers, assistants, shifts) { Plan = plan, Period = period, Arrangements = arrangements, Absences = absences };
        }

        private readonly Dictionary<string, Absences.AbsenceFacts> _facts = new(StringComparer.Ordinal);

        private Absences.AbsenceInput Absence(JsonElement a, string path)
        {
            Object(a, path, "id", "assistant", "kind", "certifiedBy", "from", "to", "degree", "toldOn");
            var id = Id(Required(a, "id", path), path + ".id");
            var assistant = String(Required(a, "assistant", path), path + ".assistant");
            if (!_assistants.TryGetValue(assistant, out var profile)) throw new CheckInputException(path + ".assistant", $"ukjent assistent «{assistant}»");
            // «sickness» is null here: who certified it («certifiedBy») decides the kind.
            var kind = Choice<Absences.AbsenceKind?>(Required(a, "kind", path), path + ".kind", ("sickness", null), ("sick-child", Absences.AbsenceKind.SickChild),
                ("holiday", Absences.AbsenceKind.Holiday), ("welfare", Absences.AbsenceKind.Welfare), ("parental", Absences.AbsenceKind.Parental), ("unpaid", Absences.AbsenceKind.Unpaid));
            if (kind is null)
            {
                kind = Choice(Required(a, "certifiedBy", path), path + ".certifiedBy", ("self", Absences.AbsenceKind.SelfCertified), ("doctor", Absences.AbsenceKind.DoctorCertified));
                if (profile.EmployedFrom is null) throw new CheckInputException(path + ".assistant", $"assistenten «{assistant}» mangler employedFrom, som sykefravær måles fra");
            }
            else if (a.TryGetProperty("certifiedBy", out _)) throw new CheckInputException(path + ".certifiedBy", "gjelder bare sykefravær (kind «sickness»)");
            var from = Date(Required(a, "from", path), path + ".from");
            var to = Date(Required(a, "to", path), path + ".to");
            if (to < from) throw new CheckInputException(path + ".to", "slutt er før start");
            if (Period.Between(from, to, PeriodUnits.Days).Days >= 366) throw new CheckInputException(path + ".to", "et fravær kan vare høyst ett år; del det opp");
            var degree = a.TryGetProperty("degree", out var d) ? (int)Number(d, path + ".degree", 1, 100, integer: true) : 100;
            if (degree != 100 && Absences.LeaveKinds.Of(kind.Value)?.Graded != true)
                throw new CheckInputException(path + ".degree", "gradert fravær gjelder bare sykmelding fra lege og foreldrepermisjon");
            LocalDate? toldOn = null;
            if (a.TryGetProperty("toldOn", out var told) && told.ValueKind != JsonValueKind.Null)
            {
                if (kind != Absences.AbsenceKind.Holiday) throw new CheckInputException(path + ".toldOn", "gjelder bare ferie (kind «holiday»)");
                toldOn = Date(told, path + ".toldOn");
                if (toldOn > from) throw new CheckInputException(path + ".toldOn", "ferien kan ikke være fastsatt etter at den begynte");
            }
            return new Absences.AbsenceInput(id, assistant, new Absences.AbsencePeriod(from, to, kind.Value, degree), toldOn);
        }

        private EmployerProfile Employer(JsonElement e, string path, HashSet<string> assistantIds)
        {
            Object(e, path, "id", "regime", "tariff", "weekAnchor", "planStart", "legalBases", "settings");
            var id = Id(Required(e, "id", path), path + ".id");
            if (_employers.ContainsKey(id)) throw new CheckInputException(path + ".id", $"id «{id}» er brukt før");
            var regime = e.TryGetProperty("regime", out var r) ? Choice(r, path + ".regime", ("aml", Regime.Aml), ("household", Regime.Household)) : Regime.Aml;
            string? tariff = null;
            if (e.TryGetProperty("tariff", out var t) && t.ValueKind != JsonValueKind.Null)
            {
                tariff = String(t, path + ".tariff");
                if (!Tariffs.All.ContainsKey(tariff)) throw new CheckInputException(path + ".tariff", $"ukjent tariff «{tariff}»; kjente er {string.Join(", ", Tariffs.All.Keys)}");
            }
            var anchor = e.TryGetProperty("weekAnchor", out var w) ? Choice(w, path + ".weekAnchor", ("monday", WeekAnchor.Monday), ("plan-start", WeekAnchor.PlanStart)) : WeekAnchor.Monday;
            LocalDate? planStart = e.TryGetProperty("planStart", out var ps) ? Date(ps, path + ".planStart") : null;
            if (anchor == WeekAnchor.PlanStart && planStart is null) throw new CheckInputException(path + ".planStart", "mangler; den trengs når weekAnchor er «plan-start»");
            var bases = new List<LegalBasis>();
            if (e.TryGetProperty("legalBases", out var lb))
            {
                var list = Array(lb, path + ".legalBases");
                for (var i = 0; i < list.Count; i++) bases.Add(Basis(list[i], $"{path}.legalBases[{i}]", assistantIds));
            }
            var settings = e.TryGetProperty("settings", out var s) ? Settings(s, path + ".settings") : new EmployerSettings();
            var profile = new EmployerProfile(id, regime, tariff, anchor, planStart, bases, settings);
            _employers[id] = profile;
            return profile;
        }

        private static LegalBasis Basis(JsonElement b, string path, HashSet<string> assistantIds)
        {
            Object(b, path, "kind", "id", "assistants", "from", "to", "params");
            var code = String(Required(b, "kind", path), path + ".kind");
            var kind = LegalBasis.FromCode(code) ?? throw new CheckInputException(path + ".kind",
                $"ukjent grunnlag «{code}»; kjente er {string.Join(", ", Enum.GetValues<LegalBasisKind>().Select(LegalBasis.Code))}");
            string? id = b.TryGetProperty("id", out var i) ? String(i, path + ".id") : null;
            HashSet<string>? who = null;
            if (b.TryGetProperty("assistants", out var a))
            {
                if (a.ValueKind == JsonValueKind.String)
                {
                    if (a.GetString() != "all") throw new CheckInputException(path + ".assistants", "skal være «all» eller en liste med assistent-id-er");
                }
                else
                {
                    var list = Array(a, path + ".assistants");
                    who = new HashSet<string>(StringComparer.Ordinal);
                    for (var k = 0; k < list.Count; k++)
                    {
                        var assistant = String(list[k], $"{path}.assistants[{k}]");
                        if (!assistantIds.Contains(assistant)) throw new CheckInputException($"{path}.assistants[{k}]", $"ukjent assistent «{assistant}»");
                        who.Add(assistant);
                    }
                }
            }
            LocalDate? from = b.TryGetProperty("from", out var f) ? Date(f, path + ".from") : null;
            LocalDate? to = b.TryGetProperty("to", out var t) ? Date(t, path + ".to") : null;
            if (from is not null && to is not null && to < from) throw new CheckInputException(path + ".to", "slutt er før start");
            var basis = new LegalBasis(kind, id, who, from, to);
            if (!b.TryGetProperty("params", out var p)) return basis;
            if (kind is LegalBasisKind.TariffDeviation or LegalBasisKind.Arbeidstilsynet)
            {
                Object(p, path + ".params", "maxShiftHours", "minRestHours", "compensatoryRestHours");
                var terms = new LongShiftTerms();
                return basis with
                {
                    LongShift = new LongShiftTerms(
                        p.TryGetProperty("maxShiftHours", out var m) ? Number(m, path + ".params.maxShiftHours", 1, 168) : terms.MaxShiftHours,
                        p.TryGetProperty("minRestHours", out var r) ? Number(r, path + ".params.minRestHours", 0, 24) : terms.MinRestHours,
                        p.TryGetProperty("compensatoryRestHours", out var c) ? Number(c, path + ".params.compensatoryRestHours", 0, 168) : terms.CompensatoryRestHours),
                };
            }
            if (kind == LegalBasisKind.AveragingByConsent)
            {
                Object(p, path + ".params", "dailyHours", "weeklyAverageHours", "averageOverWeeks", "singleWeekHours", "maxPeriodWeeks");
                var d = Parameters.Statutory.AmlLimits.Rows[0].Value.AveragingByConsent;
                return basis with
                {
                    Averaging = new Parameters.AveragingLimits(
                        p.TryGetProperty("dailyHours", out var x1) ? Number(x1, path + ".params.dailyHours", 1, 24) : d.DailyHours,
                        p.TryGetProperty("weeklyAverageHours", out var x2) ? Number(x2, path + ".params.weeklyAverageHours", 1, 168) : d.WeeklyAverageHours,
                        p.TryGetProperty("averageOverWeeks", out var x3) ? (int)Number(x3, path + ".params.averageOverWeeks", 1, 52, integer: true) : d.WeeklyAverageOverWeeks,
                        p.TryGetProperty("singleWeekHours", out var x4) ? Number(x4, path + ".params.singleWeekHours", 1, 168) : d.SingleWeekHours,
                        p.TryGetProperty("maxPeriodWeeks", out var x5) ? (int)Number(x5, path + ".params.maxPeriodWeeks", 1, 52, integer: true) : d.MaxPeriodWeeks),
                };
            }
            throw new CheckInputException(path + ".params", $"grunnlaget {code} har ingen parametere");
        }

        private static EmployerSettings Settings(JsonElement s, string path)
        {
            Object(s, path, "dayWindow", "dailyRest", "nightWindow", "planNoticeDays", "overtimePremium", "passiveFactor", "strain", "widerSelfCertification");
            var settings = new EmployerSettings();
            if (s.TryGetProperty("widerSelfCertification", out var ws)) settings = settings with { WiderSelfCertification = Bool(ws, path + ".widerSelfCertification") };
            if (s.TryGetProperty("dayWindow", out var dw)) settings = settings with { DayWindow = Choice(dw, path + ".dayWindow", ("rolling", DayWindowMode.Rolling), ("calendar-day", DayWindowMode.CalendarDay)) };
            if (s.TryGetProperty("dailyRest", out var dr)) settings = settings with { DailyRest = Choice(dr, path + ".dailyRest", ("rolling", DailyRestMode.Rolling), ("gap", DailyRestMode.Gap)) };
            if (s.TryGetProperty("nightWindow", out var nw))
            {
                Object(nw, path + ".nightWindow", "from", "to");
                var from = Time(Required(nw, "from", path + ".nightWindow"), path + ".nightWindow.from");
                var to = Time(Required(nw, "to", path + ".nightWindow"), path + ".nightWindow.to");
                var length = ((to.Hour * 60) + to.Minute - (from.Hour * 60) - from.Minute + 1440) % 1440;
                var coversSmallHours = from > to ? to >= new LocalTime(6, 0) : from == LocalTime.Midnight && to >= new LocalTime(6, 0);
                if (length < 8 * 60 || !coversSmallHours) throw new CheckInputException(path + ".nightWindow", "nattvinduet skal være minst 8 timer og dekke 00:00-06:00 (arbeidsmiljøloven § 10-11 (1))");
                settings = settings with { NightWindow = (from, to) };
            }
            if (s.TryGetProperty("planNoticeDays", out var pn)) settings = settings with { PlanNoticeDays = (int)Number(pn, path + ".planNoticeDays", 0, 365, integer: true) };
            if (s.TryGetProperty("overtimePremium", out var op)) settings = settings with { OvertimePremium = (decimal)Number(op, path + ".overtimePremium", 0, 5) };
            if (s.TryGetProperty("passiveFactor", out var pf)) settings = settings with { PassiveFactor = (decimal)Number(pf, path + ".passiveFactor", 0, 1) };
            if (s.TryGetProperty("strain", out var st))
            {
                Object(st, path + ".strain", "longShiftHours", "longShiftsPer7Days", "crossEmployerWeeklyHours", "nightsInRow");
                var strain = settings.Strain;
                if (st.TryGetProperty("longShiftHours", out var a)) strain = strain with { LongShiftHours = Number(a, path + ".strain.longShiftHours", 1, 168) };
                if (st.TryGetProperty("longShiftsPer7Days", out var b)) strain = strain with { LongShiftsPer7Days = (int)Number(b, path + ".strain.longShiftsPer7Days", 1, 7, integer: true) };
                if (st.TryGetProperty("crossEmployerWeeklyHours", out var c)) strain = strain with { CrossEmployerWeeklyHours = Number(c, path + ".strain.crossEmployerWeeklyHours", 1, 168) };
                if (st.TryGetProperty("nightsInRow", out var d)) strain = strain with { NightsInRow = (int)Number(d, path + ".strain.nightsInRow", 1, 31, integer: true) };
                settings = settings with { Strain = strain };
            }
            return settings;
        }

        private AssistantProfile Assistant(JsonElement a, string path)
        {
            Object(a, path, "id", "employer", "birthDate", "employedFrom", "seniorityYears", "hourlyPay", "weeklyNorm", "otherEmployerHours", "children", "soleCarer");
            var id = Id(Required(a, "id", path), path + ".id");
            if (_assistants.ContainsKey(id)) throw new CheckInputException(path + ".id", $"id «{id}» er brukt før");
            var employer = String(Required(a, "employer", path), path + ".employer");
            if (!_employers.ContainsKey(employer)) throw new CheckInputException(path + ".employer", $"ukjent arbeidsgiver «{employer}»");
            LocalDate? birth = a.TryGetProperty("birthDate", out var b) ? Date(b, path + ".birthDate") : null;
            LocalDate? employed = a.TryGetProperty("employedFrom", out var e) ? Date(e, path + ".employedFrom") : null;
            if (birth is not null && employed is not null && employed < birth) throw new CheckInputException(path + ".employedFrom", "er før fødselsdatoen");
            var children = new List<Absences.CareChild>();
            if (a.TryGetProperty("children", out var ch))
            {
                var list = Array(ch, path + ".children");
                for (var i = 0; i < list.Count; i++)
                {
                    var cp = $"{path}.children[{i}]";
                    Object(list[i], cp, "birthYear", "chronicallyIll");
                    var year = (int)Number(Required(list[i], "birthYear", cp), cp + ".birthYear", 1900, 2200, integer: true);
                    children.Add(new Absences.CareChild(year, list[i].TryGetProperty("chronicallyIll", out var ci) && Bool(ci, cp + ".chronicallyIll")));
                }
            }
            var sole = a.TryGetProperty("soleCarer", out var sc) && Bool(sc, path + ".soleCarer");
            _facts[id] = new Absences.AbsenceFacts(employed, children, sole);
            int? seniority = a.TryGetProperty("seniorityYears", out var s) ? (int)Number(s, path + ".seniorityYears", 0, 70, integer: true) : null;
            decimal? pay = a.TryGetProperty("hourlyPay", out var p) ? (decimal)Number(p, path + ".hourlyPay", 0.01, 100_000) : null;
            var norm = a.TryGetProperty("weeklyNorm", out var n) ? (decimal)Number(n, path + ".weeklyNorm", 1, 60) : 37.5m;
            var other = new List<OtherEmployerHoursDeclared>();
            if (a.TryGetProperty("otherEmployerHours", out var o))
            {
                var list = Array(o, path + ".otherEmployerHours");
                for (var i = 0; i < list.Count; i++)
                {
                    var ip = $"{path}.otherEmployerHours[{i}]";
                    Object(list[i], ip, "employer", "hoursPerWeek", "from", "to");
                    string? name = list[i].TryGetProperty("employer", out var en) ? String(en, ip + ".employer") : null;
                    var hours = Number(Required(list[i], "hoursPerWeek", ip), ip + ".hoursPerWeek", 0, 168);
                    var from = Date(Required(list[i], "from", ip), ip + ".from");
                    LocalDate? to = list[i].TryGetProperty("to", out var t) ? Date(t, ip + ".to") : null;
                    if (to < from) throw new CheckInputException(ip + ".to", "slutt er før start");
                    other.Add(new OtherEmployerHoursDeclared(name, hours, from, to));
                }
            }
            var profile = new AssistantProfile(id, employer, birth, employed, seniority, pay, norm, other);
            _assistants[id] = profile;
            return profile;
        }

        private ShiftInput Shift(JsonElement s, string path)
        {
            Object(s, path, "id", "assistant", "employer", "arrangement", "start", "end", "passive", "pauses", "kind", "onCall", "travel", "overtimeReason");
            var id = Id(Required(s, "id", path), path + ".id");
            var assistant = String(Required(s, "assistant", path), path + ".assistant");
            if (!_assistants.TryGetValue(assistant, out var who)) throw new CheckInputException(path + ".assistant", $"ukjent assistent «{assistant}»");
            var employer = s.TryGetProperty("employer", out var e) ? String(e, path + ".employer") : who.Employer;
            if (!_employers.ContainsKey(employer)) throw new CheckInputException(path + ".employer", $"ukjent arbeidsgiver «{employer}»");
            string? arrangement = s.TryGetProperty("arrangement", out var a) && a.ValueKind != JsonValueKind.Null ? String(a, path + ".arrangement") : null;
            var start = Instant(Required(s, "start", path), path + ".start");
            var end = Instant(Required(s, "end", path), path + ".end");
            if (end < start) throw new CheckInputException(path + ".end", "slutt er før start");
            if (end == start) throw new CheckInputException(path + ".end", "slutt er lik start; en vakt må vare");
            if (end - start > Duration.FromDays(MaxShiftDays)) throw new CheckInputException(path + ".end", $"vakten er lengre enn {MaxShiftDays} døgn");
            var passive = new List<Interval>();
            if (s.TryGetProperty("passive", out var pj))
            {
                var list = Array(pj, path + ".passive");
                for (var i = 0; i < list.Count; i++)
                {
                    var (from, to) = Inside(list[i], $"{path}.passive[{i}]", start, end, allowFree: false).Range;
                    if (passive.Any(x => x.Start < to && from < x.End)) throw new CheckInputException($"{path}.passive[{i}]", "overlapper en annen passiv periode");
                    passive.Add(new Interval(from, to));
                }
            }
            var pauses = new List<Pause>();
            if (s.TryGetProperty("pauses", out var pa))
            {
                var list = Array(pa, path + ".pauses");
                if (list.Count > 16) throw new CheckInputException(path + ".pauses", "høyst 16 pauser per vakt");
                for (var i = 0; i < list.Count; i++)
                {
                    var ((from, to), free) = Inside(list[i], $"{path}.pauses[{i}]", start, end, allowFree: true);
                    if (pauses.Any(x => x.Start < to && from < x.End)) throw new CheckInputException($"{path}.pauses[{i}]", "overlapper en annen pause");
                    if (free && from == start && to == end) throw new CheckInputException($"{path}.pauses[{i}]", "en fri pause kan ikke vare hele vakten");
                    pauses.Add(new Pause(from, to, free));
                }
            }
            var kind = s.TryGetProperty("kind", out var k) ? Choice(k, path + ".kind", ("planned", ShiftKind.Planned), ("actual", ShiftKind.Actual)) : ShiftKind.Planned;
            return new ShiftInput(id, assistant, employer, arrangement, start, end, kind)
            {
                Passive = passive,
                Pauses = pauses,
                OnCall = s.TryGetProperty("onCall", out var oc) && Bool(oc, path + ".onCall"),
                Travel = s.TryGetProperty("travel", out var tr) && Bool(tr, path + ".travel"),
                OvertimeReason = s.TryGetProperty("overtimeReason", out var or) && or.ValueKind != JsonValueKind.Null ? String(or, path + ".overtimeReason") : null,
            };
        }

        private (( NodaTime.Instant, NodaTime.Instant) Range, bool Free) Inside(JsonElement p, string path, NodaTime.Instant start, NodaTime.Instant end, bool allowFree)
        {
            if (allowFree) Object(p, path, "start", "end", "free");
            else Object(p, path, "start", "end");
            var from = Instant(Required(p, "start", path), path + ".start");
            var to = Instant(Required(p, "end", path), path + ".end");
            if (to <= from) throw new CheckInputException(path + ".end", "slutt er ikke etter start");
            if (from < start || to > end) throw new CheckInputException(path, "ligger utenfor vakten");
            var free = allowFree && p.TryGetProperty("free", out var f) && Bool(f, path + ".free");
            return ((from, to), free);
        }

        private static PlanInfo Plan(JsonElement p, string path)
        {
            Object(p, path, "discussedOn", "startsOn");
            LocalDate? discussed = p.TryGetProperty("discussedOn", out var d) && d.ValueKind != JsonValueKind.Null ? Date(d, path + ".discussedOn") : null;
            var starts = Date(Required(p, "startsOn", path), path + ".startsOn");
            return new PlanInfo(discussed, starts);
        }

        private NodaTime.Instant Instant(JsonElement e, string path)
        {
            var text = String(e, path);
            var normalised = ShortTime().Replace(text, "$1:00$2", 1);
            if (HasOffset().IsMatch(normalised))
            {
                var parsed = OffsetPattern.Parse(normalised);
                if (!parsed.Success) throw new CheckInputException(path, $"«{text}» er ikke et gyldig tidspunkt (ÅÅÅÅ-MM-DDTtt:mm med valgfri forskyvning, f.eks. 2025-05-05T14:00 eller 2025-05-05T14:00+02:00)");
                CheckYear(parsed.Value.Year, path);
                return parsed.Value.ToInstant();
            }
            var local = LocalPattern.Parse(normalised);
            if (!local.Success) throw new CheckInputException(path, $"«{text}» er ikke et gyldig tidspunkt (ÅÅÅÅ-MM-DDTtt:mm med valgfri forskyvning, f.eks. 2025-05-05T14:00 eller 2025-05-05T14:00+02:00)");
            CheckYear(local.Value.Year, path);
            return _timeline.Resolve(local.Value);
        }

        private static void CheckYear(int year, string path)
        {
            // One year of margin on each side so that windows around the first and last day can be classified.
            if (year <= NorwegianCalendar.FirstYear || year >= NorwegianCalendar.LastYear)
                throw new CheckInputException(path, $"året {year} er utenfor det regelmotoren dekker ({NorwegianCalendar.FirstYear + 1}-{NorwegianCalendar.LastYear - 1})");
        }

        private static LocalDate Date(JsonElement e, string path)
        {
            var text = String(e, path);
            var parsed = DatePattern.Parse(text);
            if (!parsed.Success) throw new CheckInputException(path, $"«{text}» er ikke en gyldig dato (ÅÅÅÅ-MM-DD)");
            CheckYear(parsed.Value.Year, path);
            return parsed.Value;
        }

        private static LocalTime Time(JsonElement e, string path)
        {
            var text = String(e, path);
            var parsed = TimePattern.Parse(text);
            return parsed.Success ? parsed.Value : throw new CheckInputException(path, $"«{text}» er ikke et gyldig klokkeslett (tt:mm)");
        }
    }

    private static void Object(JsonElement e, string path, params string[] allowed)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new CheckInputException(path, "skal være et objekt");
        foreach (var property in e.EnumerateObject())
        {
            if (System.Array.IndexOf(allowed, property.Name) < 0)
                throw new CheckInputException(Join(path, property.Name), $"ukjent felt; tillatte felt her er {string.Join(", ", allowed)}");
        }
    }

    private static string Join(string path, string name) => path == "$" ? name : path + "." + name;

    private static JsonElement Required(JsonElement e, string name, string path)
        => e.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : throw new CheckInputException(Join(path, name), "mangler");

    private static List<JsonElement> Array(JsonElement e, string path)
        => e.ValueKind == JsonValueKind.Array ? [.. e.EnumerateArray()] : throw new CheckInputException(path, "skal være en liste");

    private static string String(JsonElement e, string path)
        => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new CheckInputException(path, "skal være tekst");

    private static string Id(JsonElement e, string path)
    {
        var id = String(e, path);
        return id.Length is > 0 and <= 200 ? id : throw new CheckInputException(path, "skal være 1-200 tegn");
    }

    private static bool Bool(JsonElement e, string path)
        => e.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new CheckInputException(path, "skal være true eller false"),
        };

    private static double Number(JsonElement e, string path, double min, double max, bool integer = false)
    {
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetDouble(out var value) || !double.IsFinite(value)) throw new CheckInputException(path, "skal være et tall");
        if (integer && value != Math.Floor(value)) throw new CheckInputException(path, "skal være et helt tall");
        if (value < min || value > max) throw new CheckInputException(path, string.Create(CultureInfo.GetCultureInfo("nb-NO"), $"skal være mellom {min} og {max}"));
        return value;
    }

    private static T Choice<T>(JsonElement e, string path, params (string Name, T Value)[] choices)
    {
        var text = String(e, path);
        foreach (var (name, value) in choices) if (name == text) return value;
        throw new CheckInputException(path, $"«{text}» er ikke gyldig; bruk {string.Join(" eller ", choices.Select(c => "«" + c.Name + "»"))}");
    }

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?!:)(.*)$")]
    private static partial Regex ShortTime();

    [GeneratedRegex(@"(Z|[+-]\d{2}(:\d{2})?)$")]
    private static partial Regex HasOffset();
}
