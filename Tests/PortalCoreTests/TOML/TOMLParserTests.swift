import Foundation
import Testing
@testable import PortalText
@testable import PortalSources

/// portal's TOML 1.0 reader, rule by rule: what it reads, and where and how it refuses.
@Suite struct TOMLParserTests {
    static func valid(_ text: String, _ expected: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(TOMLText.result(text) == expected, "\(text.debugDescription)", sourceLocation: sourceLocation)
    }

    /// `place` is `line:column`; `message` must be contained in the error's message.
    static func invalid(_ text: String, _ place: String, _ message: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        do throws(TOMLError) {
            let table = try TOMLParser.parse(text)
            Issue.record("accepted \(text.debugDescription) as \(TOMLText.canonical(table))", sourceLocation: sourceLocation)
        } catch {
            #expect("\(error.line):\(error.column)" == place, "\(text.debugDescription): \(error)", sourceLocation: sourceLocation)
            #expect(error.message.contains(message), "\(text.debugDescription): \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func commentsAndBlankLines() {
        Self.valid("", "{}")
        Self.valid("# comment\n\n  # indented\r\na = 1 # after\n#end", "{\"a\"=i1}")
        Self.valid("\u{FEFF}a = 1\n", "{\"a\"=i1}")
        Self.valid("a = 1 # tab\there, é, \u{7}?".replacingOccurrences(of: "\u{7}", with: ""), "{\"a\"=i1}")
        Self.invalid("a = 1 # bell \u{7}\n", "1:14", "control character U+0007 in a comment")
        Self.invalid("# \u{0}\n", "1:3", "control character U+0000 in a comment")
        Self.invalid("a = 1 # \u{7F}\n", "1:9", "U+007F")
        Self.invalid("a = 1\rb = 2\n", "1:6", "carriage return not followed by a line feed")
    }

    @Test func keys() {
        Self.valid("bare_key-1 = 1\n1234 = 2\n", "{\"1234\"=i2, \"bare_key-1\"=i1}")
        Self.valid("\"quoted key\" = 1\n'literal \\n' = 2\n\"\" = 3\n", "{\"\"=i3, \"literal \\\\n\"=i2, \"quoted key\"=i1}")
        Self.valid("\"\\u00e9\" = 1\n", "{\"é\"=i1}")
        Self.valid("a.b.c = 1\na . \"b\" . d = 2\n", "{\"a\"={\"b\"={\"c\"=i1, \"d\"=i2}}}")
        Self.valid("3.14159 = \"pi\"\n", "{\"3\"={\"14159\"=s\"pi\"}}")
        Self.invalid("= 1\n", "1:1", "expected a key, found '='")
        Self.invalid("a b = 1\n", "1:3", "expected '=' after the key 'a', found 'b'")
        Self.invalid("a = 1\na = 2\n", "2:1", "duplicate key 'a' (first defined on line 1)")
        Self.invalid("a = 1\n\"a\" = 2\n", "2:1", "duplicate key 'a'")
        Self.invalid("\"\"\"a\"\"\" = 1\n", "1:1", "a multi-line string cannot be a key")
        Self.invalid("a. = 1\n", "1:4", "expected a key, found '='")
        Self.invalid("a\n", "1:2", "expected '=' after the key 'a', found a new line")
        Self.invalid("a =\n", "1:4", "expected a value")
        Self.invalid("a = 1 b = 2\n", "1:7", "expected the end of the line after a value, found 'b'")
        Self.invalid("é = 1\n", "1:1", "expected a key, found a non-ASCII character")
    }

    @Test func basicStrings() {
        Self.valid(#"s = "\b\t\n\f\r\"\\\u00E9\U0001F600""#, "{\"s\"=s\"\\u{08}\\t\\n\\u{0C}\\r\\\"\\\\é😀\"}")
        Self.valid("s = \"tab\tin\"\n", "{\"s\"=s\"tab\\tin\"}")
        Self.valid("s = \"中文 # not a comment\"\n", "{\"s\"=s\"中文 # not a comment\"}")
        Self.invalid(#"s = "\x41""#, "1:6", "invalid escape '\\x'")
        Self.invalid(#"s = "\e""#, "1:6", "invalid escape '\\e'")
        Self.invalid(#"s = "\ ""#, "1:6", "invalid escape '\\ '")
        Self.invalid(#"s = "\uD800""#, "1:6", "U+D800 is not a Unicode scalar value")
        Self.invalid(#"s = "\U00110000""#, "1:6", "not a Unicode scalar value")
        Self.invalid(#"s = "\u12""#, "1:6", "needs 4 hexadecimal digits")
        Self.invalid("s = \"a\nb\"\n", "1:5", "a basic string must end on its line")
        Self.invalid("s = \"abc", "1:5", "unterminated string")
        Self.invalid("s = \"a\u{1}b\"\n", "1:7", "control character U+0001 in a string")
        Self.invalid("s = \"a\u{7F}b\"\n", "1:7", "control character U+007F")
    }

    @Test func literalStrings() {
        Self.valid(#"s = 'C:\Users\n'"#, "{\"s\"=s\"C:\\\\Users\\\\n\"}")
        Self.valid("s = '\"quoted\"'\n", "{\"s\"=s\"\\\"quoted\\\"\"}")
        Self.invalid("s = 'a\nb'\n", "1:5", "a literal string must end on its line")
        Self.invalid("s = 'a\u{8}'\n", "1:7", "control character U+0008 in a literal string")
    }

    @Test func multiLineStrings() {
        Self.valid("s = \"\"\"\nRoses\nViolets\"\"\"\n", "{\"s\"=s\"Roses\\nViolets\"}")
        Self.valid("s = \"\"\"\r\none\r\ntwo\"\"\"\n", "{\"s\"=s\"one\\ntwo\"}")
        Self.valid("s = \"\"\"\nThe quick \\\n\n   brown \\   \n  fox.\"\"\"\n", "{\"s\"=s\"The quick brown fox.\"}")
        Self.valid("s = \"\"\"a \"\" b \"\"\"\"\n", "{\"s\"=s\"a \\\"\\\" b \\\"\"}")
        Self.valid("s = \"\"\"\"\"\"\"\"\n", "{\"s\"=s\"\\\"\\\"\"}")
        Self.valid("s = \"\"\"tab\t\\u0041\"\"\"\n", "{\"s\"=s\"tab\\tA\"}")
        Self.valid("s = '''\nline \\n\n'''\n", "{\"s\"=s\"line \\\\n\\n\"}")
        Self.valid("s = ''''That's'''' \n", "{\"s\"=s\"\\'That\\'s\\'\"}")
        Self.invalid("s = \"\"\"a\"\"\"\"\"\"\n", "1:14", "too many quotes")
        Self.invalid("s = \"\"\"\na \\ b\"\"\"\n", "2:3", "invalid escape '\\ '")
        Self.invalid("s = \"\"\"\nabc", "1:5", "unterminated string")
        Self.invalid("s = '''\nabc''", "1:5", "unterminated string")
        Self.invalid("s = \"\"\"a\rb\"\"\"\n", "1:9", "carriage return not followed by a line feed")
        Self.invalid("s = '''a\u{0}'''\n", "1:9", "control character U+0000")
        Self.invalid("s = \"\"\"\n\u{1F}\"\"\"\n", "2:1", "control character U+001F")
    }

    @Test func integers() {
        Self.valid("a = +99\nb = 42\nc = 0\nd = -17\ne = 1_000\nf = 5_349_221\ng = -0\nh = +0\n",
                   "{\"a\"=i99, \"b\"=i42, \"c\"=i0, \"d\"=i-17, \"e\"=i1000, \"f\"=i5349221, \"g\"=i0, \"h\"=i0}")
        Self.valid("a = 0xDEADBEEF\nb = 0xdead_beef\nc = 0o755\nd = 0b1101_0110\ne = 0x00ff\n",
                   "{\"a\"=i3735928559, \"b\"=i3735928559, \"c\"=i493, \"d\"=i214, \"e\"=i255}")
        Self.valid("a = 9223372036854775807\nb = -9223372036854775808\nc = 0x7FFFFFFFFFFFFFFF\n",
                   "{\"a\"=i9223372036854775807, \"b\"=i-9223372036854775808, \"c\"=i9223372036854775807}")
        Self.invalid("a = 9223372036854775808\n", "1:5", "out of the range of a 64-bit integer")
        Self.invalid("a = -9223372036854775809\n", "1:5", "out of the range of a 64-bit integer")
        Self.invalid("a = 0x8000000000000000\n", "1:5", "out of the range of a 64-bit integer")
        Self.invalid("a = 012\n", "1:5", "leading zeros are not allowed")
        Self.invalid("a = -01\n", "1:5", "leading zeros are not allowed")
        Self.invalid("a = 1__000\n", "1:5", "invalid number '1__000'")
        Self.invalid("a = _1\n", "1:5", "expected a value")
        Self.invalid("a = 1_\n", "1:5", "invalid number '1_'")
        Self.invalid("a = +0x1F\n", "1:5", "takes no sign")
        Self.invalid("a = 0X1F\n", "1:5", "invalid number '0X1F'")
        Self.invalid("a = 0o8\n", "1:5", "invalid number '0o8'")
        Self.invalid("a = 0b102\n", "1:5", "invalid number '0b102'")
        Self.invalid("a = 0x\n", "1:5", "invalid number '0x'")
        Self.invalid("a = 0x_1\n", "1:5", "invalid number")
        Self.invalid("a = 1 2\n", "1:7", "expected the end of the line")
        Self.invalid("a = 12a\n", "1:5", "invalid number '12a'")
    }

    @Test func floats() {
        Self.valid("a = +1.0\nb = 3.1415\nc = -0.01\nd = 5e+22\ne = 1e06\nf = -2E-2\ng = 6.626e-34\nh = 224_617.445_991_228\n",
                   "{\"a\"=f1.0, \"b\"=f3.1415, \"c\"=f-0.01, \"d\"=f5e+22, \"e\"=f1000000.0, \"f\"=f-0.02, \"g\"=f6.626e-34, \"h\"=f224617.445991228}")
        Self.valid("a = inf\nb = +inf\nc = -inf\nd = nan\ne = +nan\nf = -nan\ng = -0.0\n",
                   "{\"a\"=finf, \"b\"=finf, \"c\"=f-inf, \"d\"=fnan, \"e\"=fnan, \"f\"=fnan, \"g\"=f-0.0}")
        Self.invalid("a = .7\n", "1:5", "expected a value")
        Self.invalid("a = 7.\n", "1:5", "a decimal point needs digits on both sides")
        Self.invalid("a = 3.e+20\n", "1:5", "a decimal point needs digits on both sides")
        Self.invalid("a = 1e\n", "1:5", "an exponent needs digits")
        Self.invalid("a = 1e_2\n", "1:5", "an exponent needs digits")
        Self.invalid("a = 01.5\n", "1:5", "leading zeros are not allowed")
        Self.invalid("a = 1.5_\n", "1:5", "invalid number")
        Self.invalid("a = infinity\n", "1:5", "expected a value, found 'infinity'")
        Self.invalid("a = NaN\n", "1:5", "expected a value")
        Self.invalid("a = 1.2.3\n", "1:5", "invalid number")
        Self.invalid("a = 1e309\n", "1:5", "out of the range of a 64-bit float")
        Self.invalid("a = -1_0e3_10\n", "1:5", "out of the range of a 64-bit float")
        Self.valid("a = 1e-400\nb = 1.7976931348623157e308\n", "{\"a\"=f0.0, \"b\"=f1.7976931348623157e+308}")
    }

    @Test func booleans() {
        Self.valid("a = true\nb = false\n", "{\"a\"=btrue, \"b\"=bfalse}")
        Self.invalid("a = True\n", "1:5", "expected a value")
        Self.invalid("a = tru\n", "1:5", "expected a value, found 'tru' (strings need quotes)")
        Self.invalid("a = trueish\n", "1:5", "expected a value, found 'trueish'")
        Self.invalid("a = x\n", "1:5", "expected a value")
    }

    @Test func datesAndTimes() {
        Self.valid("a = 1979-05-27T07:32:00Z\nb = 1979-05-27T00:32:00-07:00\nc = 1979-05-27T00:32:00.999999+07:30\n",
                   "{\"a\"=odt1979-05-27T07:32:00.0+0, \"b\"=odt1979-05-27T00:32:00.0-420, \"c\"=odt1979-05-27T00:32:00.999999000+450}")
        Self.valid("a = 1979-05-27 07:32:00Z\nb = 1979-05-27t07:32:00z\n", "{\"a\"=odt1979-05-27T07:32:00.0+0, \"b\"=odt1979-05-27T07:32:00.0+0}")
        Self.valid("a = 1979-05-27T07:32:00\nb = 1979-05-27T00:32:00.5\n", "{\"a\"=ldt1979-05-27T07:32:00.0, \"b\"=ldt1979-05-27T00:32:00.500000000}")
        Self.valid("a = 1979-05-27\nb = 2024-02-29\n", "{\"a\"=ld1979-05-27, \"b\"=ld2024-02-29}")
        Self.valid("a = 07:32:00\nb = 00:32:00.1234567891\n", "{\"a\"=lt07:32:00.0, \"b\"=lt00:32:00.123456789}")
        Self.valid("a = 1979-05-27 # a date, then a comment\n", "{\"a\"=ld1979-05-27}")
        Self.valid("a = [1979-05-27, 07:32:00]\n", "{\"a\"=[ld1979-05-27, lt07:32:00.0]}")
        Self.invalid("a = 2021-02-30\n", "1:5", "not a valid date or time")
        Self.invalid("a = 2023-02-29\n", "1:5", "not a valid date or time")
        Self.invalid("a = 2021-13-01\n", "1:5", "not a valid date or time")
        Self.invalid("a = 2021-04-31T10:00:00Z\n", "1:5", "not a valid date or time")
        Self.invalid("a = 2021-01-01T24:00:00\n", "1:5", "not a valid date or time")
        Self.invalid("a = 2021-01-01T10:60:00\n", "1:5", "not a valid date or time")
        Self.invalid("a = 2021-01-01T10:00:00+24:00\n", "1:5", "not a valid date or time")
        Self.invalid("a = 25:00:00\n", "1:5", "'25:00:00' is not a valid time")
        Self.invalid("a = 2021-1-01\n", "1:5", "invalid date or time '2021-1-01'")
        Self.invalid("a = 2021-01-01T10:00\n", "1:5", "invalid date or time")
        Self.invalid("a = 10:00\n", "1:5", "invalid time '10:00'")
        Self.invalid("a = 2021-01-01T10:00:00.\n", "1:5", "invalid date or time")
        Self.invalid("a = 2021-01-01T10:00:00+0800\n", "1:5", "invalid date or time")
        Self.invalid("a = 2021-01-01 10:00\n", "1:5", "invalid date or time '2021-01-01 10:00'")
        Self.invalid("a = 2021-01-01X10:00:00\n", "1:5", "invalid date or time")
    }

    @Test func arrays() {
        Self.valid("a = [ 1, 2, 3 ]\nb = []\nc = [ \"a\", 'b', \"\"\"c\"\"\", '''d''' ]\n",
                   "{\"a\"=[i1, i2, i3], \"b\"=[], \"c\"=[s\"a\", s\"b\", s\"c\", s\"d\"]}")
        Self.valid("a = [ [ 1, 2 ], [\"a\", 'b'], 0.1, { x = 1 } ]\n", "{\"a\"=[[i1, i2], [s\"a\", s\"b\"], f0.1, {\"x\"=i1}]}")
        Self.valid("a = [\n  1, # one\n  # alone\n  2,\n]\n", "{\"a\"=[i1, i2]}")
        Self.valid("a = [\r\n1\r\n,2]\r\n", "{\"a\"=[i1, i2]}")
        Self.invalid("a = [1 2]\n", "1:8", "expected ',' or ']' in an array, found '2'")
        Self.invalid("a = [1,,2]\n", "1:8", "expected a value (a string, number, boolean, date, array or inline table), found ','")
        Self.invalid("a = [,]\n", "1:6", "expected a value (a string, number, boolean, date, array or inline table), found ','")
        Self.invalid("a = [1, 2\n", "1:5", "unterminated array: no ']' before the end of the text")
        Self.invalid("a = [1 # \u{1}\n]\n", "1:10", "control character U+0001 in a comment")
        Self.invalid("a = " + String(repeating: "[", count: 200), "1:105", "nested more than 100 deep")
    }

    @Test func inlineTables() {
        Self.valid("name = { first = \"Tom\", last = \"Preston-Werner\" }\npoint = {x=1,y=2}\ne = {}\n",
                   "{\"e\"={}, \"name\"={\"first\"=s\"Tom\", \"last\"=s\"Preston-Werner\"}, \"point\"={\"x\"=i1, \"y\"=i2}}")
        Self.valid("animal = { type.name = \"pug\", type.age = 3 }\n", "{\"animal\"={\"type\"={\"age\"=i3, \"name\"=s\"pug\"}}}")
        Self.valid("a = { b = [\n1,\n2] }\n", "{\"a\"={\"b\"=[i1, i2]}}")
        Self.invalid("a = { b = 1, }\n", "1:14", "a trailing comma is not allowed in an inline table")
        Self.invalid("a = { b = 1\n}\n", "1:12", "an inline table must stay on one line")
        Self.invalid("a = {\nb = 1 }\n", "1:6", "an inline table must stay on one line")
        Self.invalid("a = { b = 1 c = 2 }\n", "1:13", "expected ',' or '}' in an inline table, found 'c'")
        Self.invalid("a = { b = 1, b = 2 }\n", "1:14", "duplicate key 'b'")
        Self.invalid("a = { b = 1 ", "1:5", "unterminated inline table")
        Self.invalid("a = { b.c = 1, b = 2 }\n", "1:16", "duplicate key 'b'")
        Self.invalid("a = { b = {}, b.c = 1 }\n", "1:15", "cannot add keys to the inline table 'b'")
        Self.invalid("a = {}\na.b = 1\n", "2:1", "cannot add keys to the inline table 'a'")
        Self.invalid("a = {}\n[a.b]\n", "2:2", "cannot extend the inline table 'a'")
        Self.invalid("a = {}\n[a]\n", "2:1", "table [a] was already defined as an inline table")
        Self.invalid("a = { b = { c = 1 } }\n[a.b.d]\n", "2:2", "cannot extend the inline table 'a'")
    }

    @Test func tables() {
        Self.valid("[table-1]\nkey1 = \"x\"\nkey2 = 123\n\n[table-2]\nkey1 = 1\n",
                   "{\"table-1\"={\"key1\"=s\"x\", \"key2\"=i123}, \"table-2\"={\"key1\"=i1}}")
        Self.valid("[dog.\"tater.man\"]\ntype.name = \"pug\"\n", "{\"dog\"={\"tater.man\"={\"type\"={\"name\"=s\"pug\"}}}}")
        Self.valid("[ a . b ]\n[ j . \"ʞ\" . 'l' ]\n", "{\"a\"={\"b\"={}}, \"j\"={\"ʞ\"={\"l\"={}}}}")
        Self.valid("[x.y.z.w]\n[x]\n", "{\"x\"={\"y\"={\"z\"={\"w\"={}}}}}")
        Self.valid("[fruit]\napple.color = \"red\"\napple.taste.sweet = true\n[fruit.apple.texture]\nsmooth = true\n",
                   "{\"fruit\"={\"apple\"={\"color\"=s\"red\", \"taste\"={\"sweet\"=btrue}, \"texture\"={\"smooth\"=btrue}}}}")
        Self.valid("a.b = 1\n[a.c]\nd = 2\n", "{\"a\"={\"b\"=i1, \"c\"={\"d\"=i2}}}")
        Self.valid("[[a.b]]\nx = 1\n[a]\ny = 2\n", "{\"a\"={\"b\"=[{\"x\"=i1}], \"y\"=i2}}")
        Self.invalid("[a]\nb = 1\n[a]\nc = 2\n", "3:1", "table [a] is defined twice (first on line 1)")
        Self.invalid("[a]\nb = 1\n[a.b]\n", "3:1", "[a.b] names an integer defined on line 2, not a table")
        Self.invalid("[a.b]\n[a]\nb = 1\n", "3:1", "duplicate key 'a.b'")
        Self.invalid("[fruit]\napple.color = \"red\"\n[fruit.apple]\n", "3:1", "table [fruit.apple] was already defined with dotted keys")
        Self.invalid("a.b = 1\n[a]\n", "2:1", "table [a] was already defined with dotted keys")
        Self.invalid("[a.b.c]\nz = 9\n[a]\nb.c.t = 1\n", "4:3", "cannot add keys with a dotted key to the table [a.b.c], which has its own header")
        // `b` was only implied by `[a.b.c]`: dotted keys may define it, a header then may not.
        Self.valid("[a.b.c]\n[a]\nb.d = 1\n", "{\"a\"={\"b\"={\"c\"={}, \"d\"=i1}}}")
        Self.invalid("[a.b.c]\n[a]\nb.d = 1\n[a.b]\n", "4:1", "table [a.b] was already defined with dotted keys")
        Self.invalid("[a.b]\n[a]\nb.c = 1\n", "3:1", "cannot add keys with a dotted key to the table [a.b]")
        Self.invalid("a = 1\n[a.b]\n", "2:2", "cannot add a table to 'a', which is an integer")
        Self.invalid("a = 1\na.b = 2\n", "2:1", "cannot add keys to 'a', which is an integer")
        Self.invalid("[]\n", "1:2", "expected a key, found ']'")
        Self.invalid("[a\n", "1:3", "expected ']' to close the table header")
        Self.invalid("[a] b = 1\n", "1:5", "expected the end of the line after a table header")
        Self.invalid("[a.]\n", "1:4", "expected a key")
    }

    @Test func arraysOfTables() {
        Self.valid("[[products]]\nname = \"Hammer\"\n[[products]]\n[[products]]\nname = \"Nail\"\n",
                   "{\"products\"=[{\"name\"=s\"Hammer\"}, {}, {\"name\"=s\"Nail\"}]}")
        Self.valid("[[fruits]]\nname = \"apple\"\n[fruits.physical]\ncolor = \"red\"\n[[fruits.varieties]]\nname = \"red delicious\"\n[[fruits]]\nname = \"banana\"\n[[fruits.varieties]]\nname = \"plantain\"\n",
                   "{\"fruits\"=[{\"name\"=s\"apple\", \"physical\"={\"color\"=s\"red\"}, \"varieties\"=[{\"name\"=s\"red delicious\"}]}, {\"name\"=s\"banana\", \"varieties\"=[{\"name\"=s\"plantain\"}]}]}")
        Self.invalid("[fruit.physical]\n[[fruit]]\n", "2:1", "[[fruit]] names a table defined on line 1, not an array of tables")
        Self.invalid("[[fruits]]\n[fruits]\n", "2:1", "[fruits] names an array of tables defined on line 1, not a table")
        Self.invalid("fruits = []\n[[fruits]]\n", "2:1", "[[fruits]] names an array defined on line 1")
        Self.invalid("a = [{ b = 1 }]\n[a.c]\n", "2:2", "cannot add a table to 'a', which is an array")
        Self.invalid("[[a]\n", "1:5", "expected ']]' to close the array-of-tables header")
        Self.invalid("[[a] ]\n", "1:5", "expected ']]'")
    }

    @Test func positionsOfNestedValues() throws {
        let text = """
            title = "中文"  # 注释
            tags = [ "一", 'two',
              3 ]
            [params]
            cover = { image = "a.png", alt = "图" }
            deep.er = 2021-01-01
            [[links]]
            url = "x"

            """
        let table = try TOMLParser.parse(text)
        #expect(TOMLText.located(table) == "title=s\"中文\"@1:9; tags=[s\"一\"@2:10, s\"two\"@2:15,"
            + " i3@3:3]@2:8; params={cover={image=s\"a.png\"@5:19; alt=s\"图\"@5:34}@5:9; deep={er=ld2021-01-01@6:11}@6:1}@4:1;"
            + " links=[{url=s\"x\"@8:7}@7:1]@7:1")
    }

    @Test func aLongLineOfValuesIsReadInLinearTime() throws {
        // Columns are counted onwards, not from the start of the line for each value.
        let text = "a = [" + String(repeating: "\"中\", ", count: 200_000) + "]\n"
        let clock = ContinuousClock()
        var table: TOMLTable?
        let elapsed = clock.measure { table = try? TOMLParser.parse(text) }
        #expect(elapsed < .seconds(15), "took \(elapsed)")
        let items = try #require(table?["a"]?.array)
        #expect(items.count == 200_000)
        #expect(items.last?.column == 6 + 199_999 * 5)
    }

    @Test func everyStringOfTheReaderIsAUnicodeString() throws {
        // Columns count scalars: a four-byte character before the error counts once.
        Self.invalid("a = \"😀\" x\n", "1:9", "expected the end of the line after a value, found 'x'")
        Self.invalid("s = '中文\u{1}'\n", "1:8", "control character U+0001")
    }
}
