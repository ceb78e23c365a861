namespace Selvstyrt.Web.Setup;

/// <summary>
/// Form posts arrive without the NUL character (quality.md S6). ASP.NET Core's form reader refuses a form holding
/// <c>%00</c> as a whole, which the antiforgery check then reports as a missing security key: the person would lose what
/// they typed over an invisible character pasted from another program. No one means a NUL in a text, and PostgreSQL
/// cannot store one, so it is taken out before the form is read; everything else arrives as sent. (The API refuses a NUL
/// instead and names the field: a client that sends one has a bug to hear about.)
/// </summary>
public static class FormText
{
    public static IApplicationBuilder UseFormTextWithoutNul(this IApplicationBuilder app)
        => app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (HttpMethods.IsPost(request.Method)
                && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
            {
                var buffer = new MemoryStream();
                context.Response.RegisterForDispose(buffer);
                await request.Body.CopyToAsync(buffer, context.RequestAborted);
                var read = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
                // Most forms hold no NUL: they go on from the buffer as read, without a second copy.
                var body = read.IndexOf("%00"u8) < 0 && read.IndexOf((byte)0) < 0 ? buffer : new MemoryStream(WithoutNul(read), writable: false);
                body.Position = 0;
                request.Body = body;
                request.ContentLength = body.Length;
            }
            await next(context);
        });

    /// <summary>The url-encoded body with every <c>%00</c> and raw zero byte taken out.</summary>
    public static byte[] WithoutNul(ReadOnlySpan<byte> body)
    {
        var result = new List<byte>(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == 0) continue;
            if (body[i] == (byte)'%' && i + 2 < body.Length && body[i + 1] == (byte)'0' && body[i + 2] == (byte)'0')
            {
                i += 2;
                continue;
            }
            result.Add(body[i]);
        }
        return [.. result];
    }
}
