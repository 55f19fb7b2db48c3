using CareFlows.Engine.Consent;
using CareFlows.Server.Delivery;
using CareFlows.Server.Delivery.Outbox;
using Npgsql;

namespace CareFlows.Server.Tracking;

/// <summary>
/// The redirect behind a tracked link: records the click on its message, then forwards at once (302) to the URL the
/// token carries. A HEAD (what many link checkers send) forwards without recording. A tampered token forwards nowhere;
/// an expired one still forwards (the URL is signed, and a customer's old email should still reach the shop) but
/// records nothing.
/// </summary>
public static class ClickEndpoints
{
    public static IEndpointRouteBuilder MapClickEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/c/{token}", ["GET", "HEAD"], ForwardAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ForwardAsync(string token, HttpRequest request, LinkTokens tokens, EmailOptions email, NpgsqlDataSource dataSource,
        TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var check = tokens.Check(token, now);
        if (check.Claims is not { Purpose: LinkPurpose.Click } claims || !Uri.TryCreate(claims.Category, UriKind.Absolute, out var target)
            || target.Scheme is not ("http" or "https"))
            return Results.Text("This link is not valid. Open it again from the email.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        if (check.IsValid && HttpMethods.IsGet(request.Method) && MessageIds.TryParse(claims.Id, email.MessageIdDomain, out var streamId, out var stepId))
        {
            await using var command = dataSource.CreateCommand(
                $"insert into {ClickSchema.Table} (message_id, stream_id, step_id, customer_id, url, clicked_at) values (@m, @s, @step, @c, @u, @at)");
            command.Parameters.AddWithValue("m", claims.Id);
            command.Parameters.AddWithValue("s", streamId);
            command.Parameters.AddWithValue("step", stepId);
            command.Parameters.AddWithValue("c", claims.CustomerId);
            command.Parameters.AddWithValue("u", target.ToString());
            command.Parameters.AddWithValue("at", now);
            await command.ExecuteNonQueryAsync(ct);
        }
        return Results.Redirect(target.ToString());
    }
}
