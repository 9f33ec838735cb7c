// decision-aid-content: decision-aid plus the YAML reader, for people who
// edit or review the content. The same commands, and also
//   decision-aid-content check-content DIR          every problem as file:line: message
//   decision-aid-content --content DIR [assess ...] the aid with an edited copy, no rebuild
// It links Yams and Foundation; decision-aid, which people run, links neither.
import Content
import ContentYAML
import DecisionAid

DecisionAidCommand.main(folderReader: { directory throws(ContentError) in try ContentLoader.load(directory: directory) })
