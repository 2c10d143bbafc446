using Mpi.Contracts.V1;
using Mpi.Tests.Service.Grpc;

namespace Mpi.Tests.Service.Hl7v2;

/// <summary>
/// HL7 v2 ADT over MLLP against the real service, from a plain TCP client: register (A04), update (A08), merge (A40),
/// a resent message answered with its first acknowledgement and registered once, errors as AE/AR with ERR segments
/// naming the field, and the listener's key and registry scope as the caller's identity.
/// </summary>
public sealed class AdtOverMllpTests(MllpService service) : IClassFixture<MllpService>
{
    private static string Msh(string controlId, string trigger = "A04", string facility = "NORTH_HOSP") =>
        $"MSH|^~\\&|PAS|{facility}|MPI|MPI|20261206101500||ADT^{trigger}^ADT_A01|{controlId}|P|2.5";

    private static string Pid(string mrn, string registry = "NORTH_HOSP", string given = "Adaeze", string family = "Oyelaran", string birth = "19880302",
        string street = "6 Jacaranda Street") =>
        $"PID|1||{mrn}^^^{registry}^MR~9434765919^^^NHS^NH||{family}^{given}^Ngozi||{birth}|F|||{street}^^Delmar^NSW^2119||(02)9111-2233^PRN^PH";

    private PersonService.PersonServiceClient Persons => new(service.Channel);

    [Fact]
    public async Task A04_RegistersAndAcknowledgesWithThePerson_AResentMessageGetsTheSameAnswerAndIsRegisteredOnce()
    {
        await using var client = await MllpClient.ConnectAsync(service.MllpPorts[0]);

        var first = await client.SendAsync(Msh("MSG-R1"), "EVN|A04|20261206101500|||||20261206101000", Pid("N-1001"));
        var resent = await client.SendAsync(Msh("MSG-R1"), "EVN|A04|20261206101500|||||20261206101000", Pid("N-1001"));

        Assert.Equal("AA", Ack.Code(first));
        Assert.Equal("MSG-R1", Ack.Segment(first, "MSA")[2]);
        Assert.StartsWith("P", Ack.PersonId(first), StringComparison.Ordinal);
        Assert.Equal("new", Ack.Segment(first, "ZMP")[2]);
        Assert.Equal(Ack.Body(first), Ack.Body(resent));
        var person = await Persons.GetPersonAsync(new GetPersonRequest { Record = new RecordKey { Registry = "NORTH_HOSP", LocalId = "N-1001" } });
        Assert.Equal(Ack.PersonId(first), person.PersonId);
        var record = Assert.Single(person.Records);
        Assert.Equal(["NH|NHS|9434765919"], record.Demographics.Identifiers.Select(i => $"{i.Type}|{i.Authority}|{i.Value}"));
        Assert.Equal("OYELARAN", person.Golden.FamilyName);
        Assert.Equal("1988-03-02", person.Golden.BirthDate);
    }

    [Fact]
    public async Task A04FromAnotherRegistry_JoinsThePerson_A08UpdatesIt_A40MergesAnother()
    {
        await using var client = await MllpClient.ConnectAsync(service.MllpPorts[0]);
        var north = await client.SendAsync(Msh("MSG-J1"), Pid("N-2001", given: "Chiamaka", family: "Adeyemi-Hart", birth: "19790611"));
        var south = await client.SendAsync(Msh("MSG-J2", facility: "SOUTH_LAB"), Pid("S-2001", registry: "SOUTH_LAB", given: "Chiamaka", family: "Adeyemi-Hart", birth: "19790611"));
        Assert.Equal((north: "AA", south: "AA"), (north: Ack.Code(north), south: Ack.Code(south)));
        Assert.Equal(Ack.PersonId(north), Ack.PersonId(south));

        var updated = await client.SendAsync(Msh("MSG-J3", "A08"), Pid("N-2001", given: "Chiamaka", family: "Adeyemi-Hart", birth: "19790611", street: "40 Ironbark Road"));
        Assert.Equal(("AA", "updated"), (Ack.Code(updated), Ack.Segment(updated, "ZMP")[2]));

        var other = await client.SendAsync(Msh("MSG-J4"), Pid("N-2002", given: "Temperance", family: "Ludlow", birth: "19500101", street: "1 Other Way"));
        Assert.NotEqual(Ack.PersonId(north), Ack.PersonId(other));
        var merge = await client.SendAsync(Msh("MSG-J5", "A40"), Pid("N-2001", given: "Chiamaka", family: "Adeyemi-Hart", birth: "19790611"), "MRG|N-2002^^^NORTH_HOSP^MR");
        Assert.Equal("AA", Ack.Code(merge));
        var again = await client.SendAsync(Msh("MSG-J5", "A40"), Pid("N-2001", given: "Chiamaka", family: "Adeyemi-Hart", birth: "19790611"), "MRG|N-2002^^^NORTH_HOSP^MR");
        Assert.Equal("AA", Ack.Code(again));
        var merged = await Persons.GetPersonAsync(new GetPersonRequest { Record = new RecordKey { Registry = "NORTH_HOSP", LocalId = "N-2002" } });
        Assert.Equal(Ack.PersonId(north), merged.PersonId);
    }

    [Fact]
    public async Task A24LinksTheSecondRecordToTheFirstsPerson_A37TakesItOffAgain_EachIdempotent()
    {
        await using var client = await MllpClient.ConnectAsync(service.MllpPorts[0]);
        var first = await client.SendAsync(Msh("MSG-L1"), Pid("N-6001", given: "Araminta", family: "Colquhoun", birth: "19811010", street: "5 Tuart Place"));
        var second = await client.SendAsync(Msh("MSG-L2"), Pid("N-6002", given: "Minty", family: "Colquhoun-Reyes", birth: "19820101", street: "77 Karri Way"));
        Assert.NotEqual(Ack.PersonId(first), Ack.PersonId(second));
        string[] both = [Pid("N-6001", given: "Araminta", family: "Colquhoun", birth: "19811010"), Pid("N-6002", given: "Minty", family: "Colquhoun-Reyes").Replace("PID|1|", "PID|2|")];

        var linked = await client.SendAsync([Msh("MSG-L3", "A24"), .. both]);
        var linkedAgain = await client.SendAsync([Msh("MSG-L4", "A24"), .. both]);

        Assert.Equal(("AA", "AA"), (Ack.Code(linked), Ack.Code(linkedAgain)));
        Assert.Equal(Ack.PersonId(first), (await Persons.GetPersonAsync(new GetPersonRequest { Record = new RecordKey { Registry = "NORTH_HOSP", LocalId = "N-6002" } })).PersonId);

        var unlinked = await client.SendAsync([Msh("MSG-L5", "A37"), .. both]);
        var unlinkedAgain = await client.SendAsync([Msh("MSG-L6", "A37"), .. both]);

        Assert.Equal(("AA", "AA"), (Ack.Code(unlinked), Ack.Code(unlinkedAgain)));
        var apart = await Persons.GetPersonAsync(new GetPersonRequest { Record = new RecordKey { Registry = "NORTH_HOSP", LocalId = "N-6002" } });
        Assert.NotEqual(Ack.PersonId(first), apart.PersonId);
        Assert.Equal(apart.PersonId, Ack.PersonId(unlinked));
        var missing = await client.SendAsync(Msh("MSG-L7", "A24"), both[0]);
        Assert.Equal(("AE", "PID^2"), (Ack.Code(missing), Ack.Segment(missing, "ERR")[2]));
    }

    [Fact]
    public async Task AResentA24_GetsItsFirstAnswer_AndDoesNotUndoAStewardsUnlinkSince_ItsIdWithOtherContentIsRejected()
    {
        await using var client = await MllpClient.ConnectAsync(service.MllpPorts[0]);
        var first = await client.SendAsync(Msh("MSG-Q1"), Pid("N-6101", given: "Philippa", family: "Strangways", birth: "19740202", street: "18 Banksia Rise"));
        Assert.True(Ack.Code(first) == "AA", first.Replace("\r", " / "));
        await client.SendAsync(Msh("MSG-Q2"), Pid("N-6102", given: "Pip", family: "Strangways-Lowe", birth: "19750303", street: "4 Wandoo Court"));
        string[] both = [Pid("N-6101", given: "Philippa", family: "Strangways", birth: "19740202"), Pid("N-6102", given: "Pip", family: "Strangways-Lowe").Replace("PID|1|", "PID|2|")];
        var linked = await client.SendAsync([Msh("MSG-Q3", "A24"), .. both]);
        Assert.True(Ack.Code(linked) == "AA", linked.Replace("\r", " / "));
        Assert.Equal(Ack.PersonId(first), Ack.PersonId(linked));
        var second = new RecordKey { Registry = "NORTH_HOSP", LocalId = "N-6102" };
        var together = await Persons.GetPersonAsync(new GetPersonRequest { Record = second });
        await Persons.UnlinkAsync(new UnlinkRequest { Record = second, ExpectedPersonVersion = together.Version, Reason = "two women, one chart: kept apart" });

        // The engine never saw the first acknowledgement and sends the message again, as it was.
        var resent = await client.SendAsync([Msh("MSG-Q3", "A24"), .. both]);

        Assert.Equal(Ack.Segment(linked, "ZMP"), Ack.Segment(resent, "ZMP"));
        Assert.Equal("AA", Ack.Code(resent));
        Assert.NotEqual(Ack.PersonId(first), (await Persons.GetPersonAsync(new GetPersonRequest { Record = second })).PersonId);
        var reused = await client.SendAsync([Msh("MSG-Q3", "A37"), .. both]);
        Assert.Equal(("AR", "MSH^1^10", "205"), (Ack.Code(reused), Ack.Segment(reused, "ERR")[2], Ack.Segment(reused, "ERR")[3].Split('^')[0]));
    }

    [Fact]
    public async Task InvalidDateOfBirth_IsAnErrorNamingPid7_AndNothingIsRegistered()
    {
        await using var client = await MllpClient.ConnectAsync(service.MllpPorts[0]);

        var ack = await client.SendAsync(Msh("MSG-E1"), Pid("N-3001", birth: "19451393"));

        Assert.Equal("AE", Ack.Code(ack));
        var err = Ack.Segment(ack, "ERR");
        Assert.Equal("PID^1^7", err[2]);
        Assert.StartsWith("102^", err[3], StringComparison.Ordinal);
        Assert.Contains("birth_date", err[8], StringComparison.Ordinal);
        var missing = await Assert.ThrowsAsync<global::Grpc.Core.RpcException>(async () =>
            await Persons.GetPersonAsync(new GetPersonRequest { Record = new RecordKey { Registry = "NORTH_HOSP", LocalId = "N-3001" } }));
        Assert.Equal(global::Grpc.Core.StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task EventTimeBeyondTheCalendar_IsAnErrorNamingEvn6()
    {
        await using var client = await MllpClient.ConnectAsync(service.MllpPorts[0]);

        // Midnight of 1 January of year 1 at +14:00 is an instant before the calendar's first: answered, not a dropped connection.
        var ack = await client.SendAsync(Msh("MSG-E2"), "EVN|A04|20261206101500||||00010101+1400", Pid("N-3002"));

        Assert.Equal("AE", Ack.Code(ack));
        Assert.Equal("EVN^1^6", Ack.Segment(ack, "ERR")[2]);
    }

    [Fact]
    public async Task Latin1Message_IsReadWhenMsh18NamesIt_AndRefusedWhenNothingDoes()
    {
        await using var client = await MllpClient.ConnectAsync(service.MllpPorts[0]);
        // MSH-18 (character set) after five empty fields.
        string Message(string control, string localId, string charset) =>
            $"MSH|^~\\&|PAS|NORTH_HOSP|MPI|MPI|20261206101500||ADT^A04^ADT_A01|{control}|P|2.5||||||{charset}\r" +
            $"PID|1||{localId}^^^NORTH_HOSP^MR||Núñez^Renée||19790513|F|||4 Ibis Lane^^Delmar^NSW^2119\r";
        async Task<string> SendLatin1(string text)
        {
            await client.SendRawAsync([0x0B, .. System.Text.Encoding.Latin1.GetBytes(text), 0x1C, 0x0D]);
            return (await client.ReceiveAsync())!;
        }

        var undeclared = await SendLatin1(Message("MSG-C1", "N-7001", ""));
        var declared = await SendLatin1(Message("MSG-C2", "N-7002", "8859/1"));
        var utf8 = await client.SendAsync(Message("MSG-C3", "N-7003", "").TrimEnd('\r').Split('\r'));

        Assert.Equal(("AR", "100"), (Ack.Code(undeclared), Ack.Segment(undeclared, "ERR")[3].Split('^')[0]));
        Assert.Equal(("AA", "AA"), (Ack.Code(declared), Ack.Code(utf8)));
        async Task<Demographics> GoldenOf(string localId) =>
            (await Persons.GetPersonAsync(new GetPersonRequest { Record = new RecordKey { Registry = "NORTH_HOSP", LocalId = localId } })).Golden;
        Assert.Equal((await GoldenOf("N-7003")).FamilyName, (await GoldenOf("N-7002")).FamilyName);
        Assert.Equal((await GoldenOf("N-7003")).GivenName, (await GoldenOf("N-7002")).GivenName);
        var missing = await Assert.ThrowsAsync<global::Grpc.Core.RpcException>(() => GoldenOf("N-7001"));
        Assert.Equal(global::Grpc.Core.StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task EscapesThatCannotBeResolved_AreErrorsAtTheirField_AndHexBytesAreReadInMsh18sCharacterSet()
    {
        await using var client = await MllpClient.ConnectAsync(service.MllpPorts[0]);
        string Latin1Msh(string control) => Msh(control) + "||||||8859/1";

        // \XZZ\ is no hexadecimal; \Q\ is no standard escape; \C2842\ switches character set; \XE9\ alone is not UTF-8.
        var badHex = await client.SendAsync(Msh("MSG-X1"), Pid("N-9101", family: "O\\XZZ\\Brien"));
        var unknown = await client.SendAsync(Msh("MSG-X2"), Pid("N-9102", street: "6 Jacaranda\\Q\\Street"));
        var charsetSwitch = await client.SendAsync(Msh("MSG-X3"), Pid("N-9103", given: "\\C2842\\Ada"));
        var notUtf8 = await client.SendAsync(Msh("MSG-X4"), Pid("N-9104", family: "N\\XE9\\ron"));
        var secondPid = await client.SendAsync(Msh("MSG-X5", "A24"), Pid("N-9105", given: "Perpetua", family: "Quarshie", birth: "19610817"), Pid("N-9106", family: "O\\XZZ\\Brien").Replace("PID|1|", "PID|2|"));
        var latin1Hex = await client.SendAsync(Latin1Msh("MSG-X6"), Pid("N-9107", given: "Solange", family: "N\\XE9\\ron", birth: "19540109", street: "9 Wattle Road"));
        var utf8Hex = await client.SendAsync(Msh("MSG-X7"), Pid("N-9108", given: "Solange", family: "N\\XC3A9\\ron", birth: "19540109", street: "9 Wattle Road"));

        (string, string, string) Err(string ack) => (Ack.Code(ack), Ack.Segment(ack, "ERR")[2], Ack.Segment(ack, "ERR")[3].Split('^')[0]);
        Assert.Equal(("AE", "PID^1^5", "102"), Err(badHex));
        Assert.Equal(("AE", "PID^1^11", "102"), Err(unknown));
        Assert.Equal(("AE", "PID^1^5", "102"), Err(charsetSwitch));
        Assert.Equal(("AE", "PID^1^5", "102"), Err(notUtf8));
        Assert.Equal(("AE", "PID^2^5", "102"), Err(secondPid));
        foreach (var refused in new[] { "N-9101", "N-9102", "N-9103", "N-9104" })
        {
            var missing = await Assert.ThrowsAsync<global::Grpc.Core.RpcException>(async () =>
                await Persons.GetPersonAsync(new GetPersonRequest { Record = new RecordKey { Registry = "NORTH_HOSP", LocalId = refused } }));
            Assert.Equal(global::Grpc.Core.StatusCode.NotFound, missing.StatusCode);
        }
        Assert.Equal(("AA", "AA"), (Ack.Code(latin1Hex), Ack.Code(utf8Hex)));
        async Task<string> FamilyOf(string localId) =>
            (await Persons.GetPersonAsync(new GetPersonRequest { Record = new RecordKey { Registry = "NORTH_HOSP", LocalId = localId } })).Golden.FamilyName;
        Assert.Equal(await FamilyOf("N-9108"), await FamilyOf("N-9107"));
        Assert.Contains("ron", await FamilyOf("N-9107"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RecordsAnA40OrA24NamesThatCannotBeUsed_AreErrorsAtTheFieldThatNamesThem()
    {
        await using var client = await MllpClient.ConnectAsync(service.MllpPorts[0]);
        Assert.Equal("AA", Ack.Code(await client.SendAsync(Msh("MSG-K1"), Pid("N-8001", given: "Theodora", family: "Wickremasinghe", birth: "19700228"))));

        var unknownSurvivor = await client.SendAsync(Msh("MSG-K2", "A40"), Pid("N-8999"), "MRG|N-8001^^^NORTH_HOSP^MR");
        var noMergedId = await client.SendAsync(Msh("MSG-K3", "A40"), Pid("N-8001"), "MRG|^^^NORTH_HOSP^MR");
        var unknownFirst = await client.SendAsync(Msh("MSG-K4", "A24"), Pid("N-8999"), Pid("N-8001").Replace("PID|1|", "PID|2|"));
        var unknownSecond = await client.SendAsync(Msh("MSG-K5", "A24"), Pid("N-8001"), Pid("N-8998").Replace("PID|1|", "PID|2|"));

        (string, string, string) Err(string ack) => (Ack.Code(ack), Ack.Segment(ack, "ERR")[2], Ack.Segment(ack, "ERR")[3].Split('^')[0]);
        Assert.Equal(("AE", "PID^1^3", "204"), Err(unknownSurvivor));
        Assert.Equal(("AE", "MRG^1^1", "101"), Err(noMergedId));
        Assert.Equal(("AE", "PID^1^3", "204"), Err(unknownFirst));
        Assert.Equal(("AE", "PID^2^3", "204"), Err(unknownSecond));
    }

    [Fact]
    public async Task RegistryOutsideTheListenersKey_IsRejected()
    {
        await using var client = await MllpClient.ConnectAsync(service.MllpPorts[0]);

        var ack = await client.SendAsync(Msh("MSG-S1", facility: "EAST_CLINIC"), Pid("E-1", registry: "EAST_CLINIC"));

        Assert.Equal("AR", Ack.Code(ack));
        Assert.Contains("EAST_CLINIC", Ack.Segment(ack, "ERR")[8], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ORU", "R01", "200^")]
    [InlineData("ADT", "A17", "201^")]
    [InlineData("ADT", "A03", "201^")]
    public async Task UnsupportedMessages_AreRejectedWithTheirCode(string type, string trigger, string code)
    {
        await using var client = await MllpClient.ConnectAsync(service.MllpPorts[0]);

        var ack = await client.SendAsync($"MSH|^~\\&|PAS|NORTH_HOSP|MPI|MPI|20261206101500||{type}^{trigger}|MSG-U-{type}|P|2.5", Pid("N-4001"));

        Assert.Equal("AR", Ack.Code(ack));
        Assert.StartsWith(code, Ack.Segment(ack, "ERR")[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherDelimiters_AreReadFromMsh()
    {
        await using var client = await MllpClient.ConnectAsync(service.MllpPorts[0]);

        var ack = await client.SendAsync("MSH#*@!%#PAS#NORTH_HOSP#MPI#MPI#20261206101500##ADT*A04#MSG-D1#P#2.5",
            "PID#1##N-5001***NORTH_HOSP*MR##Quennell*Marigold##19660706#F###3 Banksia Lane**Delmar*NSW*2119");

        Assert.Contains("MSA#AA#MSG-D1", ack, StringComparison.Ordinal);
        var person = await Persons.GetPersonAsync(new GetPersonRequest { Record = new RecordKey { Registry = "NORTH_HOSP", LocalId = "N-5001" } });
        Assert.Equal(("MARIGOLD", "QUENNELL"), (person.Golden.GivenName, person.Golden.FamilyName));
    }
}
