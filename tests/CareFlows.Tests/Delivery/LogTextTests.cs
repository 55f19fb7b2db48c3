using CareFlows.Server.Hosting;

namespace CareFlows.Tests.Delivery;

public class LogTextTests
{
    [Theory]
    [InlineData("550 5.1.1 <ada@example.com>: Recipient address rejected", "550 5.1.1 <(address)>: Recipient address rejected")]
    [InlineData("address bounced on 2026-11-02: 550 no such user ada.lovelace+shop@mail.example.co.uk", "address bounced on 2026-11-02: 550 no such user (address)")]
    [InlineData("opted out of marketing (preference-page, 2026-11-02)", "opted out of marketing (preference-page, 2026-11-02)")]
    public void addresses_in_text_from_outside_never_reach_a_log_line(string text, string logged) =>
        LogText.WithoutAddresses(text).ShouldBe(logged);
}
