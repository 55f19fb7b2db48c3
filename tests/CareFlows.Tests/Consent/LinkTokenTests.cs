using System.Text;
using CareFlows.Engine.Consent;

namespace CareFlows.Tests.Consent;

public class LinkTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly LinkTokens _tokens = new(Encoding.UTF8.GetBytes("a test key that is long enough"));
    private readonly LinkClaims _claims = new("customer-42", LinkPurpose.Unsubscribe, Now.AddDays(90), "0123456789abcdef");

    [Fact]
    public void a_token_says_whose_link_it_is_and_what_for()
    {
        var check = _tokens.Check(_tokens.Create(_claims), Now);
        check.Status.ShouldBe(LinkStatus.Valid);
        check.Claims.ShouldBe(_claims with { ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(_claims.ExpiresAt.ToUnixTimeSeconds()) });
    }

    [Fact]
    public void a_token_with_one_character_changed_is_refused_as_tampered()
    {
        var token = _tokens.Create(_claims);
        var forged = new LinkTokens(Encoding.UTF8.GetBytes("a test key that is long enough")).Create(_claims with { CustomerId = "customer-43" });
        var tampered = forged.Split('.')[0] + "." + token.Split('.')[1];
        _tokens.Check(tampered, Now).Status.ShouldBe(LinkStatus.Tampered);
        _tokens.Check(token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1], Now).Status.ShouldBe(LinkStatus.Tampered);
    }

    [Fact]
    public void a_token_signed_with_another_key_is_refused()
    {
        var other = new LinkTokens(Encoding.UTF8.GetBytes("someone else's key"));
        _tokens.Check(other.Create(_claims), Now).Status.ShouldBe(LinkStatus.Tampered);
    }

    [Fact]
    public void an_expired_token_is_refused_as_expired()
    {
        _tokens.Check(_tokens.Create(_claims), Now.AddDays(91)).Status.ShouldBe(LinkStatus.Expired);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData("a.b.c")]
    [InlineData("!!!.???")]
    public void a_malformed_token_is_refused_as_malformed(string? token) =>
        _tokens.Check(token, Now).Status.ShouldBe(LinkStatus.Malformed);

    private static readonly byte[] OldKey = Encoding.UTF8.GetBytes("the key we used until last month, 32+ bytes");
    private static readonly byte[] NewKey = Encoding.UTF8.GetBytes("the key we use from today on, also 32+ bytes");

    [Fact]
    public void after_rotation_a_link_signed_with_the_previous_key_still_opens()
    {
        var before = new LinkTokens(new SigningKeyRing("2026-10", OldKey), TimeSpan.FromDays(90));
        var after = new LinkTokens(new SigningKeyRing("2026-11", NewKey, new Dictionary<string, byte[]> { ["2026-10"] = OldKey }), TimeSpan.FromDays(90));

        after.Check(before.Create(_claims), Now).Status.ShouldBe(LinkStatus.Valid);
        after.Check(after.Create(_claims), Now).Status.ShouldBe(LinkStatus.Valid);
    }

    [Fact]
    public void a_link_signed_with_a_key_removed_from_the_ring_opens_nothing()
    {
        var before = new LinkTokens(new SigningKeyRing("2026-10", OldKey), TimeSpan.FromDays(90));
        var later = new LinkTokens(new SigningKeyRing("2026-11", NewKey), TimeSpan.FromDays(90));
        later.Check(before.Create(_claims), Now).Status.ShouldBe(LinkStatus.Tampered);
    }

    [Fact]
    public void a_link_cannot_live_longer_than_the_configured_lifetime_whatever_it_claims()
    {
        var tokens = new LinkTokens(new SigningKeyRing("k", NewKey), TimeSpan.FromDays(90));
        tokens.Check(tokens.Create(_claims with { ExpiresAt = Now.AddYears(5) }), Now).Status.ShouldBe(LinkStatus.Tampered);
    }
}
