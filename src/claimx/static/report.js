
(function(){
  const table=document.getElementById('claims'); if(!table) return;
  const body=table.tBodies[0], heads=table.tHead.rows[0].cells;
  Array.from(heads).forEach((th,i)=>th.addEventListener('click',()=>{
    const asc=!th.classList.contains('sorted-asc');
    Array.from(heads).forEach(h=>h.classList.remove('sorted-asc','sorted-desc'));
    th.classList.add(asc?'sorted-asc':'sorted-desc');
    const rows=Array.from(body.rows), num=th.dataset.type==='number';
    rows.sort((a,b)=>{let x=a.cells[i].dataset.v??a.cells[i].textContent, y=b.cells[i].dataset.v??b.cells[i].textContent;
      if(num){x=parseFloat(x)||0;y=parseFloat(y)||0;return asc?x-y:y-x}
      return asc?x.localeCompare(y):y.localeCompare(x)});
    rows.forEach(r=>body.appendChild(r));}));
  const f={type:document.getElementById('f-type'),source:document.getElementById('f-source'),
    modality:document.getElementById('f-modality'),status:document.getElementById('f-status'),
    cw:document.getElementById('f-cw')};
  function apply(){let shown=0;Array.from(body.rows).forEach(r=>{const d=r.dataset;
    const ok=(!f.type.value||d.type===f.type.value)&&(!f.source.value||d.source===f.source.value)&&
      (!f.modality.value||d.modality===f.modality.value)&&(!f.status.value||d.status===f.status.value)&&
      (parseFloat(d.cw)>=parseFloat(f.cw.value||0));
    r.style.display=ok?'':'none'; if(ok) shown++;});
    document.getElementById('shown').textContent=shown;}
  Object.values(f).forEach(el=>{el.addEventListener('input',apply);el.addEventListener('change',apply);}); apply();
  document.querySelectorAll('mark.claim').forEach(m=>m.addEventListener('click',ev=>{
    document.querySelectorAll('mark.claim.open').forEach(o=>{if(o!==m)o.classList.remove('open')});
    m.classList.toggle('open');}));
  Array.from(body.rows).forEach(r=>r.addEventListener('click',()=>{
    const m=document.getElementById('c-'+r.dataset.id); if(!m) return;
    document.querySelectorAll('mark.claim.active').forEach(o=>o.classList.remove('active'));
    m.classList.add('active'); m.scrollIntoView({block:'center'});}));
})();
