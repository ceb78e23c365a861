using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;
using NodaTime.Text;

namespace Selvstyrt.Data.Configurations;

/// <summary>
/// NodaTime on SQLite, which has no plugin: instants as UTC ticks since the Unix epoch (an integer,
/// ordered and exact), dates as ISO text (ordered, readable in the file).
/// </summary>
public static class SqliteConverters
{
    public sealed class InstantToTicks() : ValueConverter<Instant, long>(
        v => v.ToUnixTimeTicks(),
        v => Instant.FromUnixTimeTicks(v));

    public sealed class LocalDateToText() : ValueConverter<LocalDate, string>(
        v => LocalDatePattern.Iso.Format(v),
        v => LocalDatePattern.Iso.Parse(v).GetValueOrThrow());

}
