import PortalSources
import PortalTemplates

extension SiteModel {
    /// `data` as the pages of one language read it: every data file at its folders and
    /// name, the language's variants (`sponsors.zh-hans.yaml`) over the plain files.
    /// A folder and a file of the same name merge when the file holds a table.
    static func dataValue(_ files: [DataFile], language code: String) -> TemplateValue {
        var root: [(key: String, value: MetaValue)] = []
        let code = code.lowercased()
        for file in files where file.language == nil { insert(file.value, at: file.path[...], into: &root) }
        for file in files where file.language == code { insert(file.value, at: file.path[...], into: &root) }
        return MetaValue.table(root).templateValue
    }

    private static func insert(_ value: MetaValue, at path: ArraySlice<String>, into table: inout [(key: String, value: MetaValue)]) {
        guard let key = path.first else { return }
        let index = table.firstIndex { $0.key == key }
        if path.count == 1 {
            if let index { table[index].value = merged(table[index].value, value) } else { table.append((key, value)) }
            return
        }
        var child: [(key: String, value: MetaValue)] = []
        if let index, case let .table(entries) = table[index].value { child = entries }
        insert(value, at: path.dropFirst(), into: &child)
        if let index { table[index].value = .table(child) } else { table.append((key, .table(child))) }
    }

    /// Two tables merge key by key (the later one wins); anything else is replaced.
    private static func merged(_ earlier: MetaValue, _ later: MetaValue) -> MetaValue {
        guard case var .table(base) = earlier, case let .table(over) = later else { return later }
        for (key, value) in over {
            if let index = base.firstIndex(where: { $0.key == key }) {
                base[index].value = merged(base[index].value, value)
            } else {
                base.append((key, value))
            }
        }
        return .table(base)
    }
}
